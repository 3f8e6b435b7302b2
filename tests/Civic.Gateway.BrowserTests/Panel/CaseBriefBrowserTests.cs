using Civic.Gateway.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Civic.Gateway.BrowserTests.Panel;

/// <summary>A coordinator writes the case's brief (Sagens grundlag) and sees its checklists change; a bad line is explained.</summary>
public sealed class CaseBriefBrowserTests(CivicStack stack)
{
    // The demo case "Overgang fra hjemmepleje til plejebolig", seeded with only part of a brief and no scope of influence.
    private const string CasePath = "/borgerpanelet/sager/0192f0a0-0000-7000-8000-000000000102";

    [Fact]
    public async Task Coordinator_FillsTheBrief_ChecklistsShowWhatIsDoneAndWhatIsMissing()
    {
        await using var session = await stack.OpenAsync();
        await session.LogInAsAsync("coordinator");
        await session.GotoAsync(CasePath);
        var page = session.Page;

        // A stakeholder line without "navn: interesse" is refused by the page, with the typed text kept.
        await page.GetByLabel("Succeskriterier").FillAsync("");
        await page.GetByLabel("Spørgsmål til panelet").FillAsync("");
        await page.GetByLabel("Interessenter").FillAsync("Pårørende: overblik\nPersonalet");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gem sagens grundlag" }).ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        Assert.Contains("Linje 2 skal have formen navn: interesse.", await page.Locator(".error-summary").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("true", await page.GetByLabel("Interessenter").GetAttributeAsync("aria-invalid"));
        await session.AssertNoAccessibilityViolationsAsync("panel case brief with a refused line");

        await page.GetByLabel("Interessenter").FillAsync("Pårørende: overblik over forløbet");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gem sagens grundlag" }).ClickAsync();
        await Assertions.Expect(page.Locator("#next-phase-checklist li[data-key=success_criteria]")).ToHaveAttributeAsync("data-done", "false");
        Assert.StartsWith("Mangler", await page.Locator("#convening-checklist li[data-key=panel_questions]").InnerTextAsync(), StringComparison.Ordinal);

        await page.GetByLabel("Succeskriterier").FillAsync("Pårørende ved ved første samtale, hvad der sker hvornår.\nFærre klager over overgangen.");
        await page.GetByLabel("Spørgsmål til panelet").FillAsync("Hvad skal de pårørende vide ved første samtale?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gem sagens grundlag" }).ClickAsync();

        await Assertions.Expect(page.Locator("#next-phase-checklist li[data-key=success_criteria]")).ToHaveAttributeAsync("data-done", "true");
        Assert.StartsWith("Klar", await page.Locator("#convening-checklist li[data-key=panel_questions]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.StartsWith("Klar", await page.Locator("#convening-checklist li[data-key=stakeholders]").InnerTextAsync(), StringComparison.Ordinal);
        // The scope of influence is still missing: the checklist says so rather than hiding it.
        Assert.Equal("false", await page.Locator("#convening-checklist li[data-key=scope_of_influence]").GetAttributeAsync("data-done"));
        Assert.Equal("Færre klager over overgangen.", (await page.GetByLabel("Succeskriterier").InputValueAsync()).Split('\n')[1]);
        await session.ScreenshotAsync("panel-case-brief.da");
        await session.AssertNoAccessibilityViolationsAsync("panel case brief saved");
        session.AssertNoConsoleErrors();
    }
}
