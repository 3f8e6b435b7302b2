using Civic.Gateway.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Civic.Gateway.BrowserTests.Network;

/// <summary>
/// The demo partner (Birthe Nielsen of Ældre Sagen) signs in, finds her own network groups in the menu, posts on one's
/// notice board; the municipality's family navigation stays closed to her.
/// </summary>
public sealed class PartnerTests(CivicStack stack)
{
    [Fact]
    public async Task Partner_OwnGroupsOnly_PostsNotice_NavigatorsForbidden()
    {
        await using var session = await stack.OpenAsync();
        await session.LogInAsAsync("partner");
        await session.Page.GetByRole(AriaRole.Link, new() { Name = "Mine netværksgrupper" }).First.ClickAsync();
        await session.ExpectPathAsync("/ressourcenetvaerket/grupper");
        var groups = session.Page.Locator(".network-group");
        await Assertions.Expect(groups.Filter(new() { HasText = "Netværk om ensomhed" })).ToHaveCountAsync(1);
        Assert.InRange(await groups.CountAsync(), 1, 7);
        await session.AssertNoAccessibilityViolationsAsync("a partner's own groups");

        await session.Page.GetByRole(AriaRole.Link, new() { Name = "Netværk om ensomhed" }).ClickAsync();
        await Assertions.Expect(session.Page.Locator("#group-members")).ToContainTextAsync("Birthe Nielsen");
        var text = $"Vi mangler besøgsvenner i Vejgaard {Guid.NewGuid().ToString("N")[..6]}";
        await session.Page.GetByLabel("Skriv et opslag").FillAsync(text);
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Slå op" }).ClickAsync();
        await Assertions.Expect(session.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Dit opslag er slået op.");
        var newest = session.Page.Locator("#group-notices li").First;
        await Assertions.Expect(newest).ToContainTextAsync(text);
        await Assertions.Expect(newest).ToContainTextAsync("Birthe Nielsen");

        var navigators = await session.GotoAsync("/ressourcenetvaerket/navigatoerer");
        Assert.Equal(403, navigators.Status);
        session.AssertNoConsoleErrors(allowFailedDocumentLoad: true);
    }
}
