using Civic.Gateway.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Civic.Gateway.BrowserTests;

/// <summary>Danish first, English on request, remembered in a cookie.</summary>
public sealed class LanguageTests(CivicStack stack)
{
    [Fact]
    public async Task FrontPage_BrowserAsksForEnglish_StillDanish()
    {
        // OpenAsync's browser sends Accept-Language: en-US.
        await using var session = await stack.OpenAsync();
        await session.GotoAsync("/");

        Assert.Equal("da", await session.Page.GetAttributeAsync("html", "lang"));
        Assert.Equal("English", await session.Page.Locator("button[lang='en']").InnerTextAsync());
    }

    [Fact]
    public async Task LanguageSwitch_EnglishThenDansk_ChangesThePageAndIsRemembered()
    {
        await using var session = await stack.OpenAsync();
        await session.GotoAsync("/borgerpanelet");

        await session.Page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(session.Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        Assert.EndsWith("/borgerpanelet", session.Page.Url, StringComparison.Ordinal);
        Assert.Equal("The Citizens' Panel", await session.Page.Locator("h1").InnerTextAsync());
        var cookie = Assert.Single(await session.Context.CookiesAsync(), c => c.Name == "civic.lang");
        Assert.True(cookie.HttpOnly);

        await session.GotoAsync("/direktoerlinjen");
        Assert.Equal("The Director Line", await session.Page.Locator("h1").InnerTextAsync());
        Assert.Equal("Children and Young People", await session.Page.Locator("tbody th", new() { HasText = "Children" }).InnerTextAsync());

        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Dansk" }).ClickAsync();
        await Assertions.Expect(session.Page.Locator("html")).ToHaveAttributeAsync("lang", "da");
        Assert.Equal("Direktørlinjen", await session.Page.Locator("h1").InnerTextAsync());
        session.AssertNoConsoleErrors();
    }
}
