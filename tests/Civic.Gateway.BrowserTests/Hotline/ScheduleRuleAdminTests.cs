using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Civic.Gateway.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Civic.Gateway.BrowserTests.Hotline;

/// <summary>
/// An administrator changes a department's rule so that a booked session no longer fits: the preview names the
/// bookings, the administrator cancels the session, and the citizens' cancellations wait in the development mailbox.
/// Ældre og Handicap (first Wednesday 10-12) is used by no other browser test.
/// </summary>
public sealed class ScheduleRuleAdminTests(CivicStack stack)
{
    private const string DepartmentId = "0192f0a0-0000-7000-8000-000000000002";

    [Fact]
    public async Task Admin_ChangesARuleSeesThePreviewAndCancels_TheCitizensCancellationsAreInTheMailbox()
    {
        var emails = new[] { $"regel-{Guid.NewGuid():N}@example.dk", $"regel-{Guid.NewGuid():N}@example.dk" };
        var date = await BookTwoInTheNextOpenSessionAsync(emails);

        await using var session = await stack.OpenAsync("da");
        await session.LogInAsAsync("admin");
        await session.GotoAsync("/administration/direktoerlinjen/regler");
        var rule = session.Page.Locator($"section[aria-labelledby='department-{DepartmentId}'] .schedule-rule").First;
        await Assertions.Expect(rule.Locator(".rule-text")).ToHaveTextAsync("Første onsdag i måneden kl. 10–12, 15 min., 2 linjer, åbner 45 dage før kl. 8, lukker 2 timer før");
        await session.AssertNoAccessibilityViolationsAsync("schedule rules");

        await rule.GetByRole(AriaRole.Link, new() { Name = "Ret reglen", Exact = false }).ClickAsync();
        await session.Page.GetByLabel("Starter kl.").FillAsync("11:00");
        await session.Page.GetByLabel("Slutter kl.").FillAsync("13:00");
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Se, hvad ændringen betyder" }).ClickAsync();

        await Assertions.Expect(session.Page.Locator("#impact-summary")).ToHaveTextAsync("1 telefontid med 2 bookinger berøres.");
        await Assertions.Expect(session.Page.Locator("#affected-sessions tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(session.Page.Locator("#affected-sessions tbody tr td").First).ToContainTextAsync(date);
        await session.AssertNoAccessibilityViolationsAsync("schedule rules: the preview of a change");

        // Confirming without a choice is refused with the service's own message, on the choice.
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Gem ændringen" }).ClickAsync();
        await Assertions.Expect(session.Page.Locator(".error-summary")).ToContainTextAsync("passer ikke længere");
        await session.AssertNoAccessibilityViolationsAsync("schedule rules: a change without a choice");

        await session.Page.GetByLabel("Aflys dem", new() { Exact = false }).CheckAsync();
        await session.Page.GetByLabel("Besked til borgerne (frivilligt)").FillAsync("Direktøren holder nu telefontid kl. 11-13");
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Gem ændringen" }).ClickAsync();
        await Assertions.Expect(session.Page.Locator(".alert-success")).ToContainTextAsync("Ændringen er gemt.");
        await Assertions.Expect(session.Page.Locator($"section[aria-labelledby='department-{DepartmentId}'] .rule-text").First).ToContainTextAsync("kl. 11–13");

        await session.GotoAsync("/udvikling/postkasse");
        foreach (var email in emails)
        {
            var told = session.Page.Locator(".mailbox-message[data-channel='Email']", new() { HasText = email });
            await Assertions.Expect(told).ToHaveCountAsync(2); // the confirmation and the cancellation
            await Assertions.Expect(told.Filter(new() { HasText = "Begrundelse: Direktøren holder nu telefontid kl. 11-13" })).ToHaveCountAsync(1);
        }

        session.AssertNoConsoleErrors();
    }

    /// <summary>Two citizens book through the JSON API in the department's next session open for booking; returns its day as the page shows it.</summary>
    private async Task<string> BookTwoInTheNextOpenSessionAsync(string[] emails)
    {
        using var api = new HttpClient { BaseAddress = stack.GatewayAddress };
        var sessions = await api.GetFromJsonAsync<JsonElement>($"/api/v1/hotline/departments/{DepartmentId}/sessions", TestContext.Current.CancellationToken);
        var now = DateTimeOffset.UtcNow;
        var open = sessions.GetProperty("sessions").EnumerateArray().First(s =>
            !s.GetProperty("cancelled").GetBoolean()
            && DateTimeOffset.Parse(s.GetProperty("bookingOpensAt").GetString()!, CultureInfo.InvariantCulture) <= now
            && DateTimeOffset.Parse(s.GetProperty("bookingClosesAt").GetString()!, CultureInfo.InvariantCulture) > now.AddMinutes(5));
        var slots = open.GetProperty("slots").EnumerateArray().Select(s => s.GetProperty("id").GetString()!).ToList();
        for (var i = 0; i < emails.Length; i++)
        {
            using var response = await api.PostAsJsonAsync("/api/v1/hotline/bookings", new
            {
                slotId = slots[i],
                name = "Regel Testesen",
                phone = $"+4529{Random.Shared.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture)}",
                email = emails[i],
                topicKind = "TOPIC_KIND_QUESTION",
                description = "Hvornår åbner plejehjemmets nye café?",
                consent = true,
                idempotencyKey = Guid.NewGuid().ToString("N"),
            }, TestContext.Current.CancellationToken);
            Assert.True(response.IsSuccessStatusCode, $"Booking answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        }

        var startsAt = TimeZoneInfo.ConvertTime(DateTimeOffset.Parse(open.GetProperty("startsAt").GetString()!, CultureInfo.InvariantCulture), TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen"));
        return startsAt.ToString("d. MMMM yyyy", CultureInfo.GetCultureInfo("da-DK"));
    }
}
