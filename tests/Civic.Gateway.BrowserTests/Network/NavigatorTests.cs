using Civic.Gateway.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Civic.Gateway.BrowserTests.Network;

/// <summary>A family's navigators are shown to staff; a CPR number is refused at the field.</summary>
public sealed class NavigatorTests(CivicStack stack)
{
    [Fact]
    public async Task Navigators_DemoFamily_BothShown_CprNumberRefused()
    {
        await using var session = await stack.OpenAsync();
        await session.LogInAsAsync("staff");
        await session.GotoAsync("/ressourcenetvaerket/navigatoerer");

        await session.Page.GetByLabel("Familiens reference").FillAsync("010190-1234");
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Vis navigatører" }).ClickAsync();
        await Assertions.Expect(session.Page.Locator(".error-summary a[href='#reference']")).ToContainTextAsync("CPR-nummer");
        await session.AssertNoAccessibilityViolationsAsync("navigators with a CPR number refused");

        await session.Page.GetByLabel("Familiens reference").FillAsync("FAM-2026-0001");
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Vis navigatører" }).ClickAsync();
        var table = session.Page.Locator("#family-navigators");
        await Assertions.Expect(table).ToContainTextAsync("Lise Andersen");
        await Assertions.Expect(table).ToContainTextAsync("Sofie Nielsen");
        await session.AssertNoAccessibilityViolationsAsync("a family's navigators");
        session.AssertNoConsoleErrors();
    }
}
