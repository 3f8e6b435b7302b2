using Civic.Gateway.BrowserTests.Infrastructure;

namespace Civic.Gateway.BrowserTests;

/// <summary>Every page, in Danish and in English: it loads, speaks the language, passes axe-core, and is photographed.</summary>
public sealed class PageTests(CivicStack stack)
{
    public static TheoryData<string, string> PagesAndLanguages()
    {
        var data = new TheoryData<string, string>();
        foreach (var page in UiPages.All)
        {
            data.Add(page.Name, "da");
            data.Add(page.Name, "en");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PagesAndLanguages))]
    public async Task Page_InLanguage_LoadsInThatLanguageWithZeroAxeViolations(string pageName, string language)
    {
        var page = UiPages.Named(pageName);
        await using var session = await stack.OpenAsync(language);
        if (page.Role is not null)
        {
            await session.LogInAsAsync(page.Role);
        }

        var response = await session.GotoAsync(page.Path);

        Assert.Equal(page.Status, response.Status);
        Assert.Equal(language, await session.Page.GetAttributeAsync("html", "lang"));
        Assert.Equal(page.Heading(language), (await session.Page.Locator("h1").InnerTextAsync()).Trim());
        Assert.EndsWith("Civic", await session.Page.TitleAsync(), StringComparison.Ordinal);
        await session.ScreenshotAsync($"{page.Name}.{language}");
        await session.AssertNoAccessibilityViolationsAsync($"{page.Name} ({language})");
        // An error page's own status is reported by the console as a failed load; nothing else may be.
        session.AssertNoConsoleErrors(allowFailedDocumentLoad: page.Status != 200);
    }

    [Theory]
    [InlineData("da")]
    [InlineData("en")]
    public async Task FrontPageSignedIn_OnAPhoneSizedScreen_ReflowsWithZeroAxeViolations(string language)
    {
        await using var session = await stack.OpenAsync(language);
        await session.LogInAsAsync("admin");
        await session.Page.SetViewportSizeAsync(390, 844);
        await session.GotoAsync("/");

        var scrollsSideways = await session.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(scrollsSideways, "At 390 px wide the page must reflow without scrolling sideways (WCAG 1.4.10).");
        await session.ScreenshotAsync($"front-page-phone.{language}");
        await session.AssertNoAccessibilityViolationsAsync($"front page on a phone ({language})");
        session.AssertNoConsoleErrors();
    }
}
