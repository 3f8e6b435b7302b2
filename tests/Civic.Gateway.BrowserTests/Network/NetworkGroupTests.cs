using Civic.Gateway.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Civic.Gateway.BrowserTests.Network;

/// <summary>The demo staff member (Sofie Nielsen's profile) opens the group on vulnerable families and posts on its notice board; markup shows as text.</summary>
public sealed class NetworkGroupTests(CivicStack stack)
{
    [Fact]
    public async Task Groups_MemberPostsNotice_ShownEscaped_EmptyNoticeRefused()
    {
        await using var session = await stack.OpenAsync();
        await session.LogInAsAsync("staff");
        await session.GotoAsync("/ressourcenetvaerket/grupper");
        await Assertions.Expect(session.Page.Locator(".network-group")).ToHaveCountAsync(8);
        await session.Page.GetByRole(AriaRole.Link, new() { Name = "Netværk om udsatte familier" }).ClickAsync();
        await Assertions.Expect(session.Page.Locator("#group-members")).ToContainTextAsync("Sofie Nielsen");

        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Slå op" }).ClickAsync();
        await Assertions.Expect(session.Page.Locator(".error-summary a[href='#notice']")).ToContainTextAsync("udfyldes");
        await session.AssertNoAccessibilityViolationsAsync("an empty notice refused");

        var text = $"Husk mødet <b>tirsdag</b> {Guid.NewGuid().ToString("N")[..6]}";
        await session.Page.GetByLabel("Skriv et opslag").FillAsync(text);
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Slå op" }).ClickAsync();
        await Assertions.Expect(session.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Dit opslag er slået op.");
        var newest = session.Page.Locator("#group-notices li").First;
        await Assertions.Expect(newest).ToContainTextAsync(text);
        await Assertions.Expect(newest).ToContainTextAsync("Sofie Nielsen");
        await Assertions.Expect(newest.Locator("b")).ToHaveCountAsync(0);
        await session.AssertNoAccessibilityViolationsAsync("a group with a new notice");
        session.AssertNoConsoleErrors();
    }
}
