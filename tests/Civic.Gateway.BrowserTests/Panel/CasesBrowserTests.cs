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
        await Assertions.Expect(row).ToContainTextAsync("Jonas Christensen");
    }

    [Fact]
    public async Task Director_TakesOverACoordinatorsCase_WithAReason_AndIsNamedOnIt()
    {
        await using var coordinator = await stack.OpenAsync();
        await coordinator.LogInAsAsync("coordinator");
        await OpenCaseAsync(coordinator, "Ensomme pårørende i Sydbyen", "Pårørende til demente fortæller om ensomhed.");
        await coordinator.Page.Locator("#phases-link").ClickAsync();
        await Assertions.Expect(coordinator.Page.Locator("#case-coordinator")).ToContainTextAsync("Det er dig");
        Assert.Equal(0, await coordinator.Page.Locator("#take-over-form").CountAsync());
        var phasesPath = new Uri(coordinator.Page.Url).AbsolutePath;

        await using var director = await stack.OpenAsync();
        await director.LogInAsAsync("director");
        await director.GotoAsync(phasesPath);
        await Assertions.Expect(director.Page.Locator("#case-coordinator")).ToContainTextAsync("Jonas Christensen");
        var takeOver = director.Page.GetByRole(AriaRole.Button, new() { Name = "Overtag sagen som koordinator" });
        await takeOver.ClickAsync();
        await Assertions.Expect(director.Page.Locator("#take-over-reason-error")).ToContainTextAsync("Begrundelsen");
        await director.AssertNoAccessibilityViolationsAsync("case phases, take-over refused");
        await director.Page.GetByLabel("Begrundelse for at overtage sagen").FillAsync("Overtager under Jonas' orlov");
        await takeOver.ClickAsync();

        await Assertions.Expect(director.Page.Locator("#case-coordinator")).ToContainTextAsync("Det er dig");
        Assert.Equal(0, await director.Page.Locator("#take-over-form").CountAsync());
        await coordinator.GotoAsync(phasesPath);
        await Assertions.Expect(coordinator.Page.Locator("#case-coordinator")).Not.ToContainTextAsync("Jonas Christensen");
    }

    [Fact]
    public async Task Coordinator_MovesANewCaseOn_RefusedUntilScopeAndBriefAreDone_ThenTheChangeIsInTheHistory()
    {
        await using var session = await stack.OpenAsync();
        await session.LogInAsAsync("coordinator");
        await OpenCaseAsync(session, "Trafiksikker skolevej i Nordbyen", "Forældre er bekymrede for skolevejen efter en ulykke.");
        await session.Page.Locator("#phases-link").ClickAsync();
        await Assertions.Expect(session.Page.Locator("#current-phase")).ToContainTextAsync("Afklaring");
        var moveOn = session.Page.GetByRole(AriaRole.Button, new() { Name = "Gå videre til samskabelse: planlægning" });

        // No reason, then a reason but an empty checklist: refused, and the case stays where it is.
        await moveOn.ClickAsync();
        await Assertions.Expect(session.Page.Locator("#phase-reason-error")).ToContainTextAsync("Begrundelsen");
        await session.Page.GetByLabel("Begrundelse").FillAsync("Afklaringen er færdig");
        await moveOn.ClickAsync();
        await Assertions.Expect(session.Page.Locator("#phase-reason-error")).ToContainTextAsync("indflydelsesrum");
        await Assertions.Expect(session.Page.Locator("#current-phase")).ToContainTextAsync("Afklaring");
        await session.AssertNoAccessibilityViolationsAsync("case phases, refused");

        // The scope here, the purpose and a success criterion in the brief: then it moves on, and the history says who and why.
        await session.Page.GetByLabel("Indflydelsesrum").FillAsync("Panelet former forslag til ruten; budgettet er givet.");
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Gem indflydelsesrummet" }).ClickAsync();
        await Assertions.Expect(session.Page.GetByLabel("Indflydelsesrum")).ToHaveValueAsync("Panelet former forslag til ruten; budgettet er givet.");
        await Assertions.Expect(session.Page.Locator("#next-phase-checklist li[data-key='scope_of_influence']")).ToHaveAttributeAsync("data-done", "true");
        await session.Page.Locator("#back-to-case").ClickAsync();
        await session.Page.GetByLabel("Formål").FillAsync("At finde en skolevej, som forældre og børn føler sig trygge ved.");
        await session.Page.GetByLabel("Succeskriterier").FillAsync("Flere børn cykler selv i skole");
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Gem sagens grundlag" }).ClickAsync();
        await session.Page.Locator("#phases-link").ClickAsync();
        await session.Page.GetByLabel("Begrundelse").FillAsync("Afklaringen er færdig");
        await moveOn.ClickAsync();

        await Assertions.Expect(session.Page.Locator("#current-phase")).ToContainTextAsync("Samskabelse: planlægning");
        var change = session.Page.Locator("#phase-history tbody tr").First;
        await Assertions.Expect(change).ToContainTextAsync("Afklaringen er færdig");
        await Assertions.Expect(change).ToContainTextAsync("Afklaring");
        // Who, by name: the demo coordinator the development login signs in as.
        await Assertions.Expect(change).ToContainTextAsync("Jonas Christensen");
        await session.AssertNoAccessibilityViolationsAsync("case phases, moved on");
    }

    /// <summary>Opens a case from the case list (the first department), landing on the new case's page.</summary>
    private static async Task OpenCaseAsync(UiSession session, string title, string summary)
    {
        await session.GotoAsync("/borgerpanelet/sager");
        await session.Page.GetByLabel("Titel").FillAsync(title);
        await session.Page.GetByLabel("Resumé").FillAsync(summary);
        await session.Page.GetByLabel("Ansvarlig forvaltning").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Opret sag" }).ClickAsync();
        await Assertions.Expect(session.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
    }
}
