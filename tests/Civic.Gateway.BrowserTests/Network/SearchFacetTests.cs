using System.Text.RegularExpressions;
using Civic.Gateway.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Civic.Gateway.BrowserTests.Network;

/// <summary>
/// The search's facets as a plain form, with and without JavaScript (axe-core only with it): a department ticked narrows the results to it,
/// the filter is listed and kept on the next page, removing it gives the full results back; the words
/// are never put in the address.
/// </summary>
public sealed partial class SearchFacetTests(CivicStack stack)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Search_FilterByDepartment_KeptOnNextPage_RemovedAgain(bool javaScript)
    {
        await using var session = await stack.OpenAsync(javaScriptEnabled: javaScript);
        await session.LogInAsAsync("staff");
        await session.GotoAsync("/ressourcenetvaerket/soeg");
        await session.Page.GetByLabel("Søgeord").FillAsync("facilitering");
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Søg", Exact = true }).ClickAsync();
        await Assertions.Expect(session.Page.Locator("#results-title")).ToBeVisibleAsync();
        var total = Count(await session.Page.Locator("#results-count").InnerTextAsync());

        var departments = session.Page.Locator("#search-facets fieldset", new() { Has = session.Page.GetByText("Forvaltning eller organisation", new() { Exact = true }) });
        var first = departments.Locator(".form-group-checkbox").First;
        var label = await first.Locator("label").InnerTextAsync();
        var department = label[..label.LastIndexOf(" (", StringComparison.Ordinal)];
        var counted = Count(label);
        Assert.True(counted < total, $"Ticking one department of several narrows the {total} results (it has {counted}).");
        await first.Locator("input").CheckAsync();
        await session.Page.Locator("#apply-filters").ClickAsync();

        await Assertions.Expect(session.Page.Locator("#applied-filters")).ToContainTextAsync($"Fjern filteret {department}");
        Assert.Equal(counted, Count(await session.Page.Locator("#results-count").InnerTextAsync()));
        await AssertAllFromAsync(session, department);
        if (javaScript)
        {
            // axe-core runs in the page: only with its JavaScript on.
            await session.AssertNoAccessibilityViolationsAsync("network search with a facet filter");
        }

        if (counted > 50)
        {
            await session.Page.Locator("#next-page").ClickAsync();
            await Assertions.Expect(session.Page.Locator("#first-page")).ToBeVisibleAsync();
            await Assertions.Expect(session.Page.Locator("#applied-filters")).ToContainTextAsync(department);
            await AssertAllFromAsync(session, department);
        }

        await session.Page.Locator("#applied-filters button").ClickAsync();
        await Assertions.Expect(session.Page.Locator("#applied-filters")).ToHaveCountAsync(0);
        Assert.Equal(total, Count(await session.Page.Locator("#results-count").InnerTextAsync()));
        Assert.DoesNotContain(session.RequestedUrls, url => url.Contains("facilitering", StringComparison.Ordinal));
    }

    private static async Task AssertAllFromAsync(UiSession session, string department)
    {
        var organisations = await session.Page.Locator(".result table tbody tr:first-child td").AllInnerTextsAsync();
        Assert.NotEmpty(organisations);
        Assert.All(organisations, o => Assert.Equal(department, o));
    }

    private static int Count(string text) => int.Parse(Number().Matches(text)[^1].Value, System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Number();
}
