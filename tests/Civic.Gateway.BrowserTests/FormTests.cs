using Civic.Gateway.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Civic.Gateway.BrowserTests;

/// <summary>The accessible form pattern, on the network search: error summary, focus, field messages, then success.</summary>
public sealed class FormTests(CivicStack stack)
{
    [Fact]
    public async Task Search_TooShort_ShowsFocusedErrorSummaryLinkedToTheField()
    {
        await using var session = await stack.OpenAsync();
        await session.GotoAsync("/ressourcenetvaerket/soeg");
        var input = session.Page.GetByLabel("Søgeord");
        Assert.Equal("query-hint", await input.GetAttributeAsync("aria-describedby"));

        await input.FillAsync("x");
        await input.PressAsync("Enter");
        await Assertions.Expect(session.Page.Locator(".error-summary")).ToBeVisibleAsync();

        Assert.StartsWith("Fejl: ", await session.Page.TitleAsync(), StringComparison.Ordinal);
        // The page's script moves focus to the summary once it has loaded; wait for that rather than race it.
        await Assertions.Expect(session.Page.Locator(".error-summary")).ToBeFocusedAsync();
        Assert.StartsWith("SECTION#|Der er et problem", await session.Page.FocusedAsync(), StringComparison.Ordinal);
        var summaryLink = session.Page.Locator(".error-summary a");
        Assert.Equal("#query", await summaryLink.GetAttributeAsync("href"));
        Assert.Equal("Skriv mindst 2 tegn at søge efter.", await summaryLink.InnerTextAsync());
        input = session.Page.GetByLabel("Søgeord");
        Assert.Equal("query-hint query-error", await input.GetAttributeAsync("aria-describedby"));
        Assert.Equal("true", await input.GetAttributeAsync("aria-invalid"));
        Assert.Equal("x", await input.InputValueAsync());
        await session.ScreenshotAsync("network-search-error.da");
        await session.AssertNoAccessibilityViolationsAsync("network search with an error");

        // From the summary, Tab reaches its link and Enter takes the reader to the field.
        await session.Page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skriv mindst 2 tegn at søge efter.", await session.Page.FocusedTextAsync());
        await session.Page.Keyboard.PressAsync("Enter");
        Assert.StartsWith("INPUT#query|", await session.Page.FocusedAsync(), StringComparison.Ordinal);
        session.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Search_WithWords_ListsMatchingPublicResourcePersons()
    {
        await using var session = await stack.OpenAsync("en");
        await session.GotoAsync("/ressourcenetvaerket/soeg");

        await session.Page.GetByLabel("Search words").FillAsync("facilitering");
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await Assertions.Expect(session.Page.Locator("#results-title")).ToBeVisibleAsync();

        Assert.Equal(0, await session.Page.Locator(".error-summary").CountAsync());
        Assert.Equal("Results", await session.Page.Locator("#results-title").InnerTextAsync());
        Assert.True(await session.Page.Locator(".result").CountAsync() > 0, "The demo data has resource persons skilled in facilitation.");
        // The words were posted, never put in the address.
        Assert.DoesNotContain(session.RequestedUrls, url => url.Contains("facilitering", StringComparison.Ordinal));
        await session.ScreenshotAsync("network-search-results.en");
        await session.AssertNoAccessibilityViolationsAsync("network search results");
        session.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Search_OnAPhoneSizedScreen_ReflowsWithErrorsAndWithResults()
    {
        await using var session = await stack.OpenAsync();
        await session.Page.SetViewportSizeAsync(390, 844);
        await session.GotoAsync("/ressourcenetvaerket/soeg");

        await session.Page.GetByLabel("Søgeord").FillAsync("x");
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Søg", Exact = true }).ClickAsync();
        await Assertions.Expect(session.Page.Locator(".error-summary")).ToBeVisibleAsync();
        await AssertReflowsAsync(session, "network search with an error on a phone");
        await session.ScreenshotAsync("network-search-error-phone.da");

        await session.Page.GetByLabel("Søgeord").FillAsync("facilitering");
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Søg", Exact = true }).ClickAsync();
        await Assertions.Expect(session.Page.Locator("#results-title")).ToBeVisibleAsync();
        Assert.True(await session.Page.Locator(".result").CountAsync() > 0);
        await AssertReflowsAsync(session, "network search results on a phone");
        await session.ScreenshotAsync("network-search-results-phone.da");
        session.AssertNoConsoleErrors();
    }

    private static async Task AssertReflowsAsync(UiSession session, string what)
    {
        var scrollsSideways = await session.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(scrollsSideways, $"At 390 px wide the {what} must reflow without scrolling sideways (WCAG 1.4.10).");
        await session.AssertNoAccessibilityViolationsAsync(what);
    }
}
