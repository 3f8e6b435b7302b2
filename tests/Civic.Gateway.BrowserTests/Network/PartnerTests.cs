using Civic.Gateway.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Civic.Gateway.BrowserTests.Network;

/// <summary>
/// The demo partner (Birthe Nielsen of Ældre Sagen) signs in, finds her own network groups in the menu, posts on one's
/// notice board, opens her fellow members' profiles from it; the municipality's family navigation stays closed to her.
/// </summary>
public sealed class PartnerTests(CivicStack stack)
{
    [Fact]
    public async Task Partner_OwnGroupsOnly_PostsNotice_OpensFellowMembers_NavigatorsForbidden()
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

        // Her fellow members' names open their profiles, the municipality's staff too, internal profiles included
        // (with the fields they share with partners): each one, back to the group in between.
        var staff = session.Page.Locator("#group-members tbody tr").Filter(new() { HasText = "Kommunen" }).GetByRole(AriaRole.Link);
        var names = await staff.AllInnerTextsAsync();
        Assert.NotEmpty(names);
        foreach (var name in names)
        {
            await session.Page.Locator("#group-members").GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
            await Assertions.Expect(session.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(name);
            await Assertions.Expect(session.Page.Locator("#profile-facts")).ToBeVisibleAsync();
            await Assertions.Expect(session.Page.Locator("#edit-profile")).ToHaveCountAsync(0);
            if (name == names[0])
            {
                await session.AssertNoAccessibilityViolationsAsync("a fellow member's profile, seen by a partner");
            }

            await session.Page.GoBackAsync();
            await Assertions.Expect(session.Page.Locator("#group-members")).ToBeVisibleAsync();
        }

        var navigators = await session.GotoAsync("/ressourcenetvaerket/navigatoerer");
        Assert.Equal(403, navigators.Status);
        session.AssertNoConsoleErrors(allowFailedDocumentLoad: true);
    }
}
