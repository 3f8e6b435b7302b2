using Civic.Gateway.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Civic.Gateway.BrowserTests.Panel;

/// <summary>
/// An administrator adds a district to the Panel's feature schema: a wrong form shows the error summary, the value then
/// appears on the public sign-up form; retiring it shows the preview and takes it off the form again.
/// The value's key is this test's own, so no other browser test sees it offered.
/// </summary>
public sealed class FeatureSchemaBrowserTests(CivicStack stack)
{
    [Fact]
    public async Task Admin_AddsAValue_ItIsOfferedAtSignUp_ThenRetiresItWithAPreview()
    {
        var key = $"bt-{Guid.NewGuid():N}"[..12];
        await using var session = await stack.OpenAsync("da");
        await session.LogInAsAsync("admin");
        await session.GotoAsync("/administration");
        await session.Page.GetByRole(AriaRole.Link, new() { Name = "Borgerpanelets egenskabsskema", Exact = false }).ClickAsync();
        await session.ExpectPathAsync("/administration/borgerpanelet/egenskaber");
        await Assertions.Expect(session.Page.Locator("section[data-category='district'] tr[data-value='nord']")).ToContainTextAsync("Nord");
        await session.AssertNoAccessibilityViolationsAsync("feature schema");

        await session.Page.GetByRole(AriaRole.Link, new() { Name = "Tilføj en værdi til Bydel" }).ClickAsync();
        await session.Page.GetByLabel("Nøgle").FillAsync("Ikke En Nøgle");
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Gem" }).ClickAsync();
        var summary = session.Page.Locator(".error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("Nøglen skal være");
        await Assertions.Expect(summary).ToContainTextAsync("Den danske betegnelse skal udfyldes");
        await Assertions.Expect(summary).ToContainTextAsync("Begrundelsen for ændringen skal udfyldes");
        await session.AssertNoAccessibilityViolationsAsync("feature schema: a refused value");

        await session.Page.GetByLabel("Nøgle").FillAsync(key);
        await session.Page.GetByLabel("Dansk betegnelse").FillAsync("Havnefronten");
        await session.Page.GetByLabel("Engelsk betegnelse").FillAsync("Waterfront");
        await session.Page.GetByLabel("Begrundelse").FillAsync("Ny bydel efter byggeriet ved havnen");
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Gem" }).ClickAsync();
        await Assertions.Expect(session.Page.Locator(".alert-success")).ToContainTextAsync("Ændringen er gemt");
        await Assertions.Expect(session.Page.Locator($"section[data-category='district'] tr[data-value='{key}']")).ToContainTextAsync("Tilbydes");

        await using (var citizen = await stack.OpenAsync("da"))
        {
            await citizen.GotoAsync("/borgerpanelet/tilmeld");
            await Assertions.Expect(citizen.Page.GetByRole(AriaRole.Group, new() { Name = "Bydel" }).GetByLabel("Havnefronten")).ToBeVisibleAsync();
        }

        await session.Page.Locator($"section[data-category='district'] tr[data-value='{key}']").GetByRole(AriaRole.Link, new() { Name = "Lad udgå: Havnefronten" }).ClickAsync();
        await Assertions.Expect(session.Page.Locator("#retire-preview")).ToContainTextAsync("0 medlemmer har den i dag, og 0 lodtrækninger nævner den.");
        await session.AssertNoAccessibilityViolationsAsync("feature schema: retiring a value");
        await session.Page.GetByLabel("Begrundelse").FillAsync("Bydelen blev alligevel lagt under Midtbyen");
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Lad den udgå" }).ClickAsync();
        await Assertions.Expect(session.Page.Locator($"section[data-category='district'] tr[data-value='{key}']")).ToContainTextAsync("Udgået");

        await using (var citizen = await stack.OpenAsync("da"))
        {
            await citizen.GotoAsync("/borgerpanelet/tilmeld");
            await Assertions.Expect(citizen.Page.GetByRole(AriaRole.Group, new() { Name = "Bydel" }).GetByLabel("Midtbyen")).ToBeVisibleAsync();
            await Assertions.Expect(citizen.Page.GetByLabel("Havnefronten")).ToHaveCountAsync(0);
        }

        session.AssertNoConsoleErrors();
    }
}
