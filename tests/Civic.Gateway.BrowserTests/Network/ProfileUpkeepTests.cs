using Civic.Gateway.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Civic.Gateway.BrowserTests.Network;

/// <summary>
/// Anyone reports an inaccurate public profile without signing in; the demo staff member (owner of
/// Sofie Nielsen's profile) confirms it, reports it, and resolves the report on the reports page. No JavaScript needed.
/// </summary>
public sealed class ProfileUpkeepTests(CivicStack stack)
{
    private const string PublicPersonPath = "/ressourcenetvaerket/profiler/0192f0a0-0000-7000-8000-000000000201";
    private const string OwnProfilePath = "/ressourcenetvaerket/profiler/0192f0a0-0000-7000-8000-000000000205";

    [Fact]
    public async Task Anonymous_ReportsPublicProfile_EmptyReasonRefused()
    {
        await using var session = await stack.OpenAsync(javaScriptEnabled: false);
        await session.GotoAsync(PublicPersonPath);
        await Assertions.Expect(session.Page.GetByRole(AriaRole.Heading, new() { Name = "Lise Andersen", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(session.Page.Locator("#confirm-profile")).ToHaveCountAsync(0);

        await session.Page.Locator("#report-profile").ClickAsync();
        await Assertions.Expect(session.Page.Locator(".error-summary a[href='#reason']")).ToBeVisibleAsync();

        await session.Page.GetByLabel("Hvad er forkert?").FillAsync("Lise er gået på barsel.");
        await session.Page.Locator("#report-profile").ClickAsync();
        await Assertions.Expect(session.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Indberetningen er sendt");
    }

    [Fact]
    public async Task Owner_ConfirmsOwnProfile_ReportsIt_ResolvesTheReport()
    {
        await using var session = await stack.OpenAsync();
        await session.LogInAsAsync("staff");
        await session.GotoAsync(OwnProfilePath);
        await session.Page.Locator("#confirm-profile").ClickAsync();
        await Assertions.Expect(session.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Profilen er bekræftet");
        await Assertions.Expect(session.Page.Locator("#profile-stale")).ToHaveCountAsync(0);
        await session.AssertNoAccessibilityViolationsAsync("a confirmed profile");

        var reason = $"Telefonnummeret er forkert {Guid.NewGuid().ToString("N")[..6]}";
        await session.Page.GetByLabel("Hvad er forkert?").FillAsync(reason);
        await session.Page.Locator("#report-profile").ClickAsync();
        await Assertions.Expect(session.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Indberetningen er sendt");

        await session.GotoAsync("/ressourcenetvaerket/indberetninger");
        var report = session.Page.Locator(".profile-report", new() { HasText = reason });
        await Assertions.Expect(report).ToContainTextAsync("Sofie Nielsen");
        await report.GetByRole(AriaRole.Button, new() { Name = "Afslut indberetningen" }).ClickAsync();
        await Assertions.Expect(session.Page.Locator(".error-summary")).ToBeVisibleAsync();
        await session.AssertNoAccessibilityViolationsAsync("a resolution refused");

        report = session.Page.Locator(".profile-report", new() { HasText = reason });
        await report.GetByLabel("Hvad har du gjort?").FillAsync("Nummeret er rettet.");
        await report.GetByRole(AriaRole.Button, new() { Name = "Afslut indberetningen" }).ClickAsync();
        await Assertions.Expect(session.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Indberetningen er afsluttet");
        await Assertions.Expect(session.Page.Locator(".profile-report", new() { HasText = reason })).ToHaveCountAsync(0);
        session.AssertNoConsoleErrors();
    }
}
