using Civic.Gateway.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Civic.Gateway.BrowserTests.Network;

/// <summary>
/// An administrator folds one of the demo profiles' "other" competences into the taxonomy as a new
/// competence, with and without JavaScript; a blank fold is refused on its field first. The search then finds the
/// moved profiles by the new competence's name.
/// </summary>
public sealed class CompetenceFoldingTests(CivicStack stack)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Admin_FoldsOtherCompetenceAsNew_SearchFindsTheProfilesByIt(bool javaScript)
    {
        await using var session = await stack.OpenAsync(javaScriptEnabled: javaScript);
        await session.LogInAsAsync("admin");
        await session.GotoAsync("/administration/ressourcenetvaerket/kompetencer");
        if (javaScript)
        {
            // axe-core runs in the page: only with its JavaScript on.
            await session.AssertNoAccessibilityViolationsAsync("the other competences page");
        }

        // The least used text, so other tests' searches of the demo data are not disturbed.
        var option = session.Page.Locator("#fold-text option").Last;
        var text = await option.GetAttributeAsync("value") ?? throw new InvalidOperationException("No other competence is listed.");
        await session.Page.Locator("#fold-text").SelectOptionAsync(text);
        await session.Page.Locator("#fold").ClickAsync();
        await Assertions.Expect(session.Page.Locator(".error-summary a[href='#synonym-of']")).ToBeVisibleAsync();
        if (javaScript)
        {
            // axe-core runs in the page: only with its JavaScript on.
            await session.AssertNoAccessibilityViolationsAsync("the other competences page with an error");
        }

        var name = $"Foldet {Guid.NewGuid().ToString("N")[..8]}";
        await session.Page.Locator("#fold-text").SelectOptionAsync(text);
        await session.Page.GetByLabel("Navn på den nye kompetence").FillAsync(name);
        await session.Page.Locator("#fold").ClickAsync();
        await Assertions.Expect(session.Page.GetByRole(AriaRole.Status)).ToContainTextAsync($"'{text}' er lagt ind under '{name}'");
        await Assertions.Expect(session.Page.Locator("#other-competences").GetByRole(AriaRole.Cell, new() { Name = text, Exact = true })).ToHaveCountAsync(0);

        await session.GotoAsync("/ressourcenetvaerket/soeg");
        await session.Page.GetByLabel("Søgeord").FillAsync(name);
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Søg", Exact = true }).ClickAsync();
        await Assertions.Expect(session.Page.Locator("#results-title")).ToBeVisibleAsync();
        await Assertions.Expect(session.Page.Locator(".result").First).ToContainTextAsync(name);
    }
}
