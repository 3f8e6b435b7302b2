using Civic.Gateway.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Civic.Gateway.BrowserTests.Panel;

/// <summary>A coordinator lists the pool's members with a reason and filters, pages on, and opens one member; staff without the role are told so.</summary>
public sealed class MembersBrowserTests(CivicStack stack)
{
    private const string Reason = "Forberedelse af informationsmøde";

    [Fact]
    public async Task Coordinator_ListsMembersWithAReason_FiltersPagesAndOpensOne()
    {
        await using var session = await stack.OpenAsync();
        await session.LogInAsAsync("coordinator");
        await session.GotoAsync("/borgerpanelet/sager");
        await session.Page.GetByRole(AriaRole.Link, new() { Name = "Medlemmer af puljen" }).ClickAsync();
        await session.ExpectPathAsync("/borgerpanelet/medlemmer");
        Assert.Equal(0, await session.Page.Locator("#members").CountAsync());

        // No reason: refused on the field, nothing listed.
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Vis medlemmer" }).ClickAsync();
        await Assertions.Expect(session.Page.Locator("#reason-error")).ToContainTextAsync("Begrundelsen");
        Assert.Equal(0, await session.Page.Locator("#members").CountAsync());
        await session.AssertNoAccessibilityViolationsAsync("panel members, reason missing");

        // The whole pool (120 demo volunteers): a first page of 50, and a next one.
        await session.Page.GetByLabel("Begrundelse").FillAsync(Reason);
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Vis medlemmer" }).ClickAsync();
        await Assertions.Expect(session.Page.Locator("#members tbody tr")).ToHaveCountAsync(50);
        var firstOnFirstPage = await session.Page.Locator("#members tbody tr th").First.InnerTextAsync();
        await session.AssertNoAccessibilityViolationsAsync("panel members, first page");
        await session.Page.Locator("#members-next").ClickAsync();
        await Assertions.Expect(session.Page.Locator("#members-first")).ToBeVisibleAsync();
        Assert.NotEqual(firstOnFirstPage, await session.Page.Locator("#members tbody tr th").First.InnerTextAsync());
        Assert.Contains("begrundelse=", session.Page.Url, StringComparison.Ordinal);

        // One district only: every row is from it.
        await session.Page.GetByLabel("Bydel").SelectOptionAsync(new SelectOptionValue { Label = "Øst" });
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Vis medlemmer" }).ClickAsync();
        var rows = session.Page.Locator("#members tbody tr");
        Assert.True(await rows.CountAsync() is > 0 and < 50);
        foreach (var row in await rows.AllAsync())
        {
            await Assertions.Expect(row).ToContainTextAsync("Øst");
        }

        var name = (await rows.First.Locator("th").InnerTextAsync()).Trim();
        await rows.First.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(session.Page.Locator("#staff-member-name")).ToHaveTextAsync(name);
        await Assertions.Expect(session.Page.Locator("#staff-member-reason")).ToContainTextAsync(Reason);
        // The member's features as the schema names them, not by their keys.
        var district = session.Page.Locator("#staff-member-data dt", new() { HasText = "Bydel" });
        await Assertions.Expect(district.Locator("xpath=following-sibling::dd[1]")).ToHaveTextAsync("Øst");
        await Assertions.Expect(session.Page.Locator("#staff-member-data")).Not.ToContainTextAsync("district");
        await session.AssertNoAccessibilityViolationsAsync("panel member for staff");
    }

    [Fact]
    public async Task Staff_WithoutTheCoordinatorRole_IsToldTheListIsNotForThem()
    {
        await using var session = await stack.OpenAsync();
        await session.LogInAsAsync("staff");
        await session.GotoAsync("/borgerpanelet/medlemmer?begrundelse=Nysgerrighed");

        await Assertions.Expect(session.Page.Locator("#members-not-allowed")).ToBeVisibleAsync();
        Assert.Equal(0, await session.Page.Locator("#members").CountAsync());
        await session.AssertNoAccessibilityViolationsAsync("panel members, not allowed");
    }
}
