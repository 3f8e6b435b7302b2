using Civic.Gateway.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Civic.Gateway.BrowserTests.Panel;

/// <summary>A coordinator convenes a panel for the demo case and sees every member's probability; bad quotas are explained.</summary>
public sealed class ConveningBrowserTests(CivicStack stack)
{
    // The demo case "Ensomhed blandt unge i Øst", which has its scope of influence set.
    private const string CasePath = "/borgerpanelet/sager/0192f0a0-0000-7000-8000-000000000101";

    [Fact]
    public async Task Coordinator_ConvenesFromTheCaseList_SeesPanelReservesProbabilitiesAndGap()
    {
        await using var session = await stack.OpenAsync();
        await session.LogInAsAsync("coordinator");
        await session.GotoAsync("/borgerpanelet/sager");
        await session.Page.GetByRole(AriaRole.Link, new() { Name = "Ensomhed blandt unge i Øst" }).ClickAsync();
        await session.ExpectPathAsync(CasePath);
        await session.AssertNoAccessibilityViolationsAsync("panel case before a draw");

        await session.Page.GetByLabel("Panelets størrelse").FillAsync("12");
        await session.Page.GetByLabel("Kvoter").FillAsync("age_band,75+,1,3\nlived_experience,foraelder-handicap,1,2");
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Træk panelet" }).ClickAsync();
        await Assertions.Expect(session.Page.Locator("#probabilities")).ToBeVisibleAsync(new() { Timeout = 60_000 });

        // The demo pool of 120 less those who accepted a demo invitation (two, and one more if the case-work test ran
        // first: they are in their cool-down), plus any volunteer another test signed up meanwhile.
        var eligible = await session.Page.Locator("#probabilities tbody tr").CountAsync();
        Assert.InRange(eligible, 120 - 3, 130);
        Assert.Equal(12, await session.Page.Locator("#drawn-panel li").CountAsync());
        Assert.Equal(eligible - 12, await session.Page.Locator("#reserves li").CountAsync());
        Assert.Equal(12, await session.Page.Locator("#probabilities tbody td", new() { HasTextString = "Ja" }).CountAsync());
        Assert.EndsWith("%", (await session.Page.Locator("#draw-minimum").InnerTextAsync()).Trim(), StringComparison.Ordinal);
        var gap = double.Parse((await session.Page.Locator("#draw-gap").InnerTextAsync()).Trim(), System.Globalization.CultureInfo.GetCultureInfo("da-DK"));
        Assert.InRange(gap, -0.0001, 0.1);
        await session.ScreenshotAsync("panel-case-draw.da");
        await session.AssertNoAccessibilityViolationsAsync("panel case with a draw");
        session.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Coordinator_MinimaAboveK_SeesTheExplanationAndNoDraw()
    {
        await using var session = await stack.OpenAsync("en");
        await session.LogInAsAsync("coordinator");
        await session.GotoAsync(CasePath);

        await session.Page.GetByLabel("Panel size").FillAsync("4");
        await session.Page.GetByLabel("Quotas").FillAsync("age_band,45-59,3,4\nage_band,60-74,3,4");
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Draw the panel" }).ClickAsync();
        await Assertions.Expect(session.Page.Locator(".error-summary")).ToBeVisibleAsync();

        Assert.Contains("minima of category age_band add up to 6 seats", await session.Page.Locator(".error-summary").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("true", await session.Page.GetByLabel("Quotas").GetAttributeAsync("aria-invalid"));
        await session.AssertNoAccessibilityViolationsAsync("panel case with refused quotas");
    }
}
