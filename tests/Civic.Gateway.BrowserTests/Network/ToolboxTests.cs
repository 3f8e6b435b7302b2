using Civic.Gateway.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Civic.Gateway.BrowserTests.Network;

/// <summary>The public toolbox works without login (and without JavaScript); internal articles stay hidden.</summary>
public sealed class ToolboxTests(CivicStack stack)
{
    [Fact]
    public async Task Toolbox_WithoutLoginOrScript_SearchesAndShowsAnArticle()
    {
        await using var session = await stack.OpenAsync(javaScriptEnabled: false);
        await session.GotoAsync("/ressourcenetvaerket/vaerktoejskasse");

        await session.Page.GetByLabel("Søg i værktøjskassen").FillAsync("faciliterende");
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Søg", Exact = true }).ClickAsync();
        await session.ExpectPathAsync("/ressourcenetvaerket/vaerktoejskasse?q=faciliterende");
        Assert.True(await session.Page.Locator(".toolbox-article").CountAsync() > 0, "Demo articles about facilitation are public.");
        await session.Page.GetByRole(AriaRole.Link, new() { Name = "Grafisk facilitering for begyndere" }).ClickAsync();

        await Assertions.Expect(session.Page.Locator("h1")).ToHaveTextAsync("Grafisk facilitering for begyndere");
        Assert.Equal("Sådan gør I", await session.Page.Locator(".toolbox-body h2").First.InnerTextAsync());
        Assert.Equal(3, await session.Page.Locator(".toolbox-body ol > li").CountAsync());
        Assert.Equal(1, await session.Page.Locator(".toolbox-body strong").CountAsync());
    }

    [Fact]
    public async Task Toolbox_InternalArticle_NotFoundWithoutLogin_ShownToStaff()
    {
        await using var anonymous = await stack.OpenAsync();
        var hidden = await anonymous.GotoAsync("/ressourcenetvaerket/vaerktoejskasse/brugerrejse-paa-en-side");
        await anonymous.GotoAsync("/ressourcenetvaerket/vaerktoejskasse");
        var listed = await anonymous.Page.GetByRole(AriaRole.Link, new() { Name = "Brugerrejse på en side" }).CountAsync();

        await using var staff = await stack.OpenAsync("en");
        await staff.LogInAsAsync("staff");
        var shown = await staff.GotoAsync("/ressourcenetvaerket/vaerktoejskasse/brugerrejse-paa-en-side");

        Assert.Equal(404, hidden.Status);
        Assert.Equal(0, listed);
        Assert.Equal(200, shown.Status);
        Assert.Equal("For the municipality's staff only.", await staff.Page.Locator("main strong").First.InnerTextAsync());
        await staff.AssertNoAccessibilityViolationsAsync("internal toolbox article (en)");
    }
}
