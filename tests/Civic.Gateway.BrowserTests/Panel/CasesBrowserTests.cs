using Civic.Gateway.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Civic.Gateway.BrowserTests.Panel;

/// <summary>A coordinator opens a new panel case from the case list: refusals are explained on their fields, then the case opens in Afklaring.</summary>
public sealed class CasesBrowserTests(CivicStack stack)
{
    [Fact]
    public async Task Coordinator_OpensACase_RefusalsOnTheirFieldsThenTheCaseIsShownAndListed()
    {
        await using var session = await stack.OpenAsync();
        await session.LogInAsAsync("coordinator");
        await session.GotoAsync("/borgerpanelet/sager");
        var create = session.Page.GetByRole(AriaRole.Button, new() { Name = "Opret sag" });

        // Nothing filled in: each missing field is named beside it and in the summary; no case is opened.
        await create.ClickAsync();
        await session.ExpectPathAsync("/borgerpanelet/sager");
        await Assertions.Expect(session.Page.Locator("#new-case-title-error")).ToContainTextAsync("Titlen skal udfyldes");
        await Assertions.Expect(session.Page.Locator("#new-case-summary-error")).ToBeVisibleAsync();
        await Assertions.Expect(session.Page.Locator("#new-case-department-error")).ToBeVisibleAsync();
        await session.AssertNoAccessibilityViolationsAsync("new panel case, empty");

        // A CPR number in the summary is refused there, and what was typed stays.
        const string title = "Ensomhed blandt ældre i Vestbyen";
        await session.Page.GetByLabel("Titel").FillAsync(title);
        await session.Page.GetByLabel("Resumé").FillAsync("Borger 010190-1234 har henvendt sig om ensomhed.");
        await session.Page.GetByLabel("Ansvarlig forvaltning").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await session.Page.GetByLabel("Faciliterende").CheckAsync();
        await create.ClickAsync();
        await Assertions.Expect(session.Page.Locator("#new-case-summary-error")).ToContainTextAsync("CPR");
        await Assertions.Expect(session.Page.GetByLabel("Titel")).ToHaveValueAsync(title);
        await Assertions.Expect(session.Page.GetByLabel("Faciliterende")).ToBeCheckedAsync();

        await session.Page.GetByLabel("Resumé").FillAsync("Flere ældre i Vestbyen fortæller om ensomhed efter at have mistet en ægtefælle.");
        await create.ClickAsync();
        await Assertions.Expect(session.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        Assert.Matches("/borgerpanelet/sager/[^/]+$", new Uri(session.Page.Url).AbsolutePath);

        await session.GotoAsync("/borgerpanelet/sager");
        var row = session.Page.GetByRole(AriaRole.Row).Filter(new() { HasText = title });
        await Assertions.Expect(row).ToContainTextAsync("Faciliterende");
        await Assertions.Expect(row).ToContainTextAsync("Afklaring");
    }
}
