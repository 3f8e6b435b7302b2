using Civic.Gateway.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Civic.Gateway.BrowserTests.Network;

/// <summary>
/// The owner of a profile (the demo staff member owns Sofie Nielsen's) edits it with a plain form, with and without
/// JavaScript, municipal services chosen from the service taxonomy: an absurd capacity is refused by the service and shown on its field, then the change is
/// saved and shown on the profile page.
/// </summary>
public sealed class ProfileEditTests(CivicStack stack)
{
    private const string OwnProfilePath = "/ressourcenetvaerket/profiler/0192f0a0-0000-7000-8000-000000000205";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Owner_EditsProfile_AbsurdCapacityShownOnField_ThenSavedAndShown(bool javaScript)
    {
        await using var session = await stack.OpenAsync(javaScriptEnabled: javaScript);
        await session.LogInAsAsync("staff");
        await session.GotoAsync(OwnProfilePath);
        await session.Page.Locator("#edit-profile").ClickAsync();
        await Assertions.Expect(session.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Ret profilen");
        // The stored profile fills the form: its taxonomy competence is ticked, under its broad competence's group.
        await Assertions.Expect(session.Page.GetByLabel("Konfliktmægling (generelt)")).ToBeCheckedAsync();
        // Its municipal services: the area of the service taxonomy (KLE main group) ticked, the service that fits none as text.
        await Assertions.Expect(session.Page.GetByLabel("Børn og unge (28)", new() { Exact = true })).ToBeCheckedAsync();
        Assert.Equal("Familiehuset", await session.Page.GetByLabel("Andre tilbud").InputValueAsync());
        if (javaScript)
        {
            // axe-core runs in the page: only with its JavaScript on.
            await session.AssertNoAccessibilityViolationsAsync("the profile edit form");
        }

        var role = $"Socialrådgiver {Guid.NewGuid().ToString("N")[..6]}";
        await session.Page.Locator("#role").FillAsync(role);
        await session.Page.GetByLabel("Evaluering og effektmåling for ældre").CheckAsync();
        await session.Page.GetByLabel("Andre kompetencer").FillAsync("Tegnsprog\nFortælleværksteder");
        await session.Page.GetByLabel("Sundhed (29)", new() { Exact = true }).CheckAsync();
        await session.Page.Locator("#capacity").FillAsync("500");
        await session.Page.Locator("#save-profile").ClickAsync();

        // The service's refusal, on the capacity field and in the summary; nothing else was lost.
        await Assertions.Expect(session.Page.Locator(".error-summary a[href='#capacity']")).ToContainTextAsync("mellem 0 og 160");
        await Assertions.Expect(session.Page.Locator("#capacity-error")).ToBeVisibleAsync();
        Assert.Equal(role, await session.Page.Locator("#role").InputValueAsync());
        await Assertions.Expect(session.Page.GetByLabel("Evaluering og effektmåling for ældre")).ToBeCheckedAsync();
        await Assertions.Expect(session.Page.GetByLabel("Sundhed (29)", new() { Exact = true })).ToBeCheckedAsync();
        if (javaScript)
        {
            // axe-core runs in the page: only with its JavaScript on.
            await session.AssertNoAccessibilityViolationsAsync("the profile edit form with a refused capacity");
        }

        await session.Page.Locator("#capacity").FillAsync("10");
        await session.Page.Locator("#save-profile").ClickAsync();

        await Assertions.Expect(session.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Profilen er gemt");
        var facts = session.Page.Locator("#profile-facts");
        await Assertions.Expect(facts).ToContainTextAsync(role);
        await Assertions.Expect(facts).ToContainTextAsync("Evaluering og effektmåling for ældre");
        await Assertions.Expect(facts).ToContainTextAsync("Tegnsprog");
        await Assertions.Expect(facts).ToContainTextAsync("Børn og unge, Sundhed, Familiehuset");
    }

    [Fact]
    public async Task Anonymous_OpensEditPage_GoesToLogin()
    {
        await using var session = await stack.OpenAsync();
        await session.GotoAsync(OwnProfilePath + "/rediger");

        await session.ExpectPathAsync("/log-ind?returnUrl=" + Uri.EscapeDataString(OwnProfilePath + "/rediger"));
        await Assertions.Expect(session.Page.Locator("#save-profile")).ToHaveCountAsync(0);
    }
}
