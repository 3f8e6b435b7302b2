using System.Text.RegularExpressions;
using Civic.Gateway.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Civic.Gateway.BrowserTests.Hotline;

/// <summary>A citizen books a call with a director without logging in, then cancels it through the manage link.</summary>
public sealed partial class BookingJourneyTests(CivicStack stack)
{
    /// <summary>With and without JavaScript (axe-core needs script, so it checks the pages in the run with it).</summary>
    [Theory]
    [InlineData(true, "40 12 34 56")]
    [InlineData(false, "+45 40 12 34 57")]
    public async Task Citizen_BooksThenCancelsThroughTheManageLink(bool javaScript, string phone)
    {
        await using var session = await stack.OpenAsync("da", javaScriptEnabled: javaScript);
        async Task AxeAsync(string page)
        {
            if (javaScript)
            {
                await session.AssertNoAccessibilityViolationsAsync(page);
            }
        }

        await session.GotoAsync("/direktoerlinjen/book");
        await AxeAsync("booking: choose a department");

        await session.Page.GetByLabel("Børn og Unge (Anne Mortensen)").CheckAsync();
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Find ledige tider" }).ClickAsync();
        await Assertions.Expect(session.Page.Locator("#slot")).ToBeVisibleAsync();
        await AxeAsync("booking: choose a time");

        await session.Page.Locator("#slot").CheckAsync();
        await session.Page.GetByLabel("Navn", new() { Exact = true }).FillAsync("Mette Jensen");
        await session.Page.GetByLabel("Telefonnummer").FillAsync(phone);
        await session.Page.GetByLabel("En idé til forbedring").CheckAsync();
        await session.Page.GetByLabel("Kort beskrivelse").FillAsync("<script>alert('x')</script> Bedre cykelparkering");
        await session.Page.GetByLabel("Jeg accepterer", new() { Exact = false }).CheckAsync();
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Book tiden" }).ClickAsync();

        await Assertions.Expect(session.Page).ToHaveURLAsync(ManageLink(), new() { Timeout = 30_000 });
        var manageUrl = session.Page.Url;
        Assert.Equal("Booket", (await session.Page.Locator("#booking-status").InnerTextAsync()).Trim());
        Assert.Matches("^DL-[2-9A-Z]{8}$", (await session.Page.Locator("#booking-reference").InnerTextAsync()).Trim());
        // The description is shown as the text it is, never run as markup.
        Assert.Equal("<script>alert('x')</script> Bedre cykelparkering", (await session.Page.Locator("#booking-description").InnerTextAsync()).Trim());
        await session.ScreenshotAsync($"hotline-booked.{(javaScript ? "js" : "no-js")}.da");
        await AxeAsync("booking: the manage page");

        // The confirmation waits in the development mailbox, with the manage link filled in.
        await session.GotoAsync("/udvikling/postkasse");
        var confirmation = session.Page.Locator(".mailbox-message[data-channel='Sms']", new() { HasText = phone.Replace(" ", "", StringComparison.Ordinal)[^8..] }).First;
        await Assertions.Expect(confirmation).ToContainTextAsync("Din tid på Direktørlinjen er booket");
        Assert.Contains(ManageLink().Match(manageUrl).Value, await confirmation.Locator(".mailbox-body").InnerTextAsync(), StringComparison.Ordinal);
        await AxeAsync("development mailbox");
        await session.Page.GotoAsync(manageUrl);

        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Aflys min booking" }).ClickAsync();
        await Assertions.Expect(session.Page.Locator("#booking-status")).ToHaveTextAsync("Aflyst");
        await AxeAsync("booking: cancelled");

        // The link still opens the (cancelled) booking; a link with another token opens nothing.
        await session.Page.GotoAsync(manageUrl);
        await Assertions.Expect(session.Page.Locator("#booking-status")).ToHaveTextAsync("Aflyst");
        await session.Page.GotoAsync(TokenPattern().Replace(manageUrl, "noegle=forkert"));
        Assert.Equal(0, await session.Page.Locator("#booking-status").CountAsync());
        await Assertions.Expect(session.Page.Locator(".alert-error")).ToContainTextAsync("Der er ingen booking");
        await AxeAsync("booking: a wrong manage link");
    }

    [Fact]
    public async Task Citizen_SendsAnEmptyBookingForm_ErrorSummaryNamesEveryMissingFieldAndNothingIsBooked()
    {
        await using var session = await stack.OpenAsync("en");
        await session.GotoAsync("/direktoerlinjen/book?afdeling=0192f0a0-0000-7000-8000-000000000004");

        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Book the time" }).ClickAsync();
        await Assertions.Expect(session.Page.Locator(".error-summary")).ToBeVisibleAsync();

        var links = await session.Page.Locator(".error-summary a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.Equal(["#slot", "#name", "#phone", "#kind", "#description", "#consent"], links);
        Assert.DoesNotMatch(ManageLink(), session.Page.Url);
        await session.AssertNoAccessibilityViolationsAsync("booking with errors");
        session.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Citizen_DoesNotKnowTheDepartment_IsSentToTheDeskThatHelpsOn()
    {
        await using var session = await stack.OpenAsync("da");
        await session.GotoAsync("/direktoerlinjen/book");

        await session.Page.GetByLabel("Jeg ved ikke, hvilken forvaltning jeg skal tale med").CheckAsync();
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Find ledige tider" }).ClickAsync();

        await Assertions.Expect(session.Page.Locator("#route-title")).ToBeVisibleAsync();
        await Assertions.Expect(session.Page.GetByRole(AriaRole.Link, new() { Name = "Book hos Borgerservice og Direktion (Lise Kjær)" })).ToBeVisibleAsync();
        await session.AssertNoAccessibilityViolationsAsync("booking: routed when unsure");
        session.AssertNoConsoleErrors();
    }

    private static Regex ManageLink() => ManageLinkPattern();

    [GeneratedRegex("/direktoerlinjen/booking/DL-[2-9A-Z]{8}\\?noegle=[A-Za-z0-9_-]+")]
    private static partial Regex ManageLinkPattern();

    [GeneratedRegex("noegle=[A-Za-z0-9_-]+")]
    private static partial Regex TokenPattern();
}
