using Civic.Gateway.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Civic.Gateway.BrowserTests.Hotline;

/// <summary>The demo director works through today's demo calls: marks one answered and registers an idea that then shows on the public board.</summary>
public sealed class DirectorTests(CivicStack stack)
{
    [Fact]
    public async Task Director_MarksACallAnsweredAndRegistersAnIdea_TheBoardShowsTheIdea()
    {
        await using var session = await stack.OpenAsync("da");
        await session.LogInAsAsync("director");
        await OpenCallListAsync(session);
        var call = session.Page.Locator("section.call", new() { HasText = "Lars Petersen" });
        await Assertions.Expect(call).ToBeVisibleAsync();
        await session.AssertNoAccessibilityViolationsAsync("call list");

        await call.GetByLabel("Besvaret").CheckAsync();
        await call.GetByLabel("Resumé (frivilligt)").FillAsync("Talte om skolebussen");
        await call.GetByRole(AriaRole.Button, new() { Name = "Gem udfald" }).ClickAsync();
        call = session.Page.Locator("section.call", new() { HasText = "Lars Petersen" });
        await Assertions.Expect(call.Locator(".call-outcome")).ToHaveTextAsync("Besvaret");

        await call.GetByLabel("Ny idé fra opkaldet: titel").FillAsync("Senere skolebus om fredagen");
        await call.GetByRole(AriaRole.Button, new() { Name = "Registrér idé" }).ClickAsync();
        call = session.Page.Locator("section.call", new() { HasText = "Lars Petersen" });
        await Assertions.Expect(call.Locator(".call-idea")).ToHaveTextAsync("Senere skolebus om fredagen (Modtaget)");
        await session.AssertNoAccessibilityViolationsAsync("call list after recording");

        await session.GotoAsync("/direktoerlinjen/ideer");
        await Assertions.Expect(session.Page.Locator(".idea", new() { HasText = "Senere skolebus om fredagen" })).ToContainTextAsync("Modtaget");
        Assert.Equal(0, await session.Page.GetByText("Lars Petersen").CountAsync());
        await session.AssertNoAccessibilityViolationsAsync("idea board");
        session.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Director_SavesAnOutcomeWithoutAResult_ErrorOnTheCallAndNothingRecorded()
    {
        await using var session = await stack.OpenAsync("en");
        await session.LogInAsAsync("director");
        await OpenCallListAsync(session);
        var call = session.Page.Locator("section.call", new() { HasText = "Jens Nielsen" });

        await call.GetByRole(AriaRole.Button, new() { Name = "Save outcome" }).ClickAsync();

        await Assertions.Expect(session.Page.Locator(".error-summary")).ToBeVisibleAsync();
        call = session.Page.Locator("section.call", new() { HasText = "Jens Nielsen" });
        await Assertions.Expect(call.Locator(".call-outcome")).ToHaveTextAsync("Not recorded");
        await session.AssertNoAccessibilityViolationsAsync("call list with an error");
    }

    /// <summary>The director cancels their last listed coming session: without a reason it is refused, with one it is cancelled.</summary>
    [Fact]
    public async Task Director_CancelsAComingSession_AReasonIsRequiredThenItIsCancelled()
    {
        await using var session = await stack.OpenAsync("da");
        await session.LogInAsAsync("director");
        await OpenCallListAsync(session);
        var last = session.Page.Locator("#coming-sessions ~ section").Last;
        var day = (await last.Locator("h3").InnerTextAsync()).Trim();
        await session.AssertNoAccessibilityViolationsAsync("call list with coming sessions");

        await last.GetByRole(AriaRole.Button, new() { Name = "Aflys telefontiden" }).ClickAsync();
        await Assertions.Expect(session.Page.Locator(".error-summary")).ToBeVisibleAsync();
        await session.AssertNoAccessibilityViolationsAsync("cancelling a session without a reason");
        last = session.Page.Locator("#coming-sessions ~ section", new() { HasText = day });
        await last.GetByLabel("Begrundelse til borgerne").FillAsync("Direktøren er på kursus");
        await last.GetByRole(AriaRole.Button, new() { Name = "Aflys telefontiden" }).ClickAsync();

        await Assertions.Expect(session.Page.Locator(".alert-success")).ToContainTextAsync("Telefontiden er aflyst");
        await Assertions.Expect(session.Page.Locator("#coming-sessions ~ section", new() { HasText = day })).ToContainTextAsync("Direktøren er på kursus");
        await session.AssertNoAccessibilityViolationsAsync("call list after cancelling a session");
        session.AssertNoConsoleErrors();
    }

    /// <summary>The directors' group's numbers: a table per department, and the same as a CSV file with Danish headers.</summary>
    [Fact]
    public async Task Director_OpensTheStatistics_TableAndCsvWithDanishHeaders()
    {
        await using var session = await stack.OpenAsync("da");
        await session.LogInAsAsync("director");
        await session.GotoAsync("/direktoerlinjen/statistik");
        await Assertions.Expect(session.Page.Locator("#statistics tbody tr").First).ToBeVisibleAsync();
        var rows = await session.Page.Locator("#statistics tbody tr").CountAsync();
        Assert.True(rows >= 7, $"Seven demo departments expected, the table has {rows} rows.");
        await session.AssertNoAccessibilityViolationsAsync("hotline statistics");

        var href = await session.Page.Locator("#csv-link").GetAttributeAsync("href");
        var csv = await session.Page.APIRequest.GetAsync(href!);
        var text = await csv.TextAsync();

        Assert.Equal(200, csv.Status);
        Assert.StartsWith("text/csv", csv.Headers["content-type"], StringComparison.Ordinal);
        Assert.StartsWith("Forvaltning;Måned;Udbudte tider;Bookede;Gennemførte opkald;Udeblevne", text.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Equal(rows + 1, text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        session.AssertNoConsoleErrors();
    }

    /// <summary>
    /// Opens the call list. The page gives the Hotline service 5 seconds; while other browser tests load the
    /// two-core machine, the first call can take longer (JIT, database warm-up) and the page then says the
    /// service is unavailable, so a second load is allowed, never more.
    /// </summary>
    private static async Task OpenCallListAsync(UiSession session)
    {
        await session.GotoAsync("/direktoerlinjen/opkaldsliste");
        if (await session.Page.Locator(".service-unavailable").CountAsync() > 0)
        {
            await session.GotoAsync("/direktoerlinjen/opkaldsliste");
        }
    }
}
