using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Civic.Gateway.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Civic.Gateway.BrowserTests.Hotline;

/// <summary>
/// A citizen asks for a lottery session without JavaScript, naming the times they can make; the service's own draw job
/// (every minute) draws when the window closes, and the result waits in the development mailbox.
/// </summary>
public sealed partial class LotteryJourneyTests(CivicStack stack)
{
    private static readonly TimeZoneInfo Copenhagen = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    [Fact]
    public async Task Citizen_AsksForALotterySession_TheDrawJobBooksItAndTheMailboxShowsTheResult()
    {
        await using var admin = await stack.OpenAsync("da");
        await admin.LogInAsAsync("admin");
        var token = (await admin.Context.CookiesAsync()).Single(c => c.Name == "civic.token").Value;
        var (departmentId, closesAt) = await CreateLotteryRuleAsync(token);

        await using var citizen = await stack.OpenAsync("da", javaScriptEnabled: false);
        await citizen.GotoAsync($"/direktoerlinjen/book?afdeling={departmentId}");
        await Assertions.Expect(citizen.Page.Locator(".lottery-explanation").First).ToContainTextAsync("Det giver ingen fordel at komme først");
        await citizen.Page.Locator(".lottery-link").First.ClickAsync();
        var requestForm = new Uri(citizen.Page.Url).PathAndQuery;
        await Assertions.Expect(citizen.Page.GetByText("Hvilke tider kan du?")).ToBeVisibleAsync();
        await citizen.Page.Locator("#slot").CheckAsync();
        await citizen.Page.Locator("input[name='RequestedSlotIds']").Nth(1).CheckAsync();
        var phone = $"+45 29 {Random.Shared.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture)}";
        await citizen.Page.GetByLabel("Navn", new() { Exact = true }).FillAsync("Lotte Lodtrækning");
        await citizen.Page.GetByLabel("Telefonnummer").FillAsync(phone);
        await citizen.Page.GetByLabel("Et spørgsmål").CheckAsync();
        await citizen.Page.GetByLabel("Kort beskrivelse").FillAsync("Hvornår åbner den nye svømmehal?");
        await citizen.Page.GetByLabel("Jeg accepterer", new() { Exact = false }).CheckAsync();
        await citizen.Page.GetByRole(AriaRole.Button, new() { Name = "Send anmodningen" }).ClickAsync();

        await Assertions.Expect(citizen.Page).ToHaveURLAsync(ManageLinkPattern(), new() { Timeout = 30_000 });
        var manageUrl = citizen.Page.Url;
        Assert.Equal("Anmodet – venter på lodtrækningen", (await citizen.Page.Locator("#booking-status").InnerTextAsync()).Trim());
        await Assertions.Expect(citizen.Page.Locator("#requested-text")).ToContainTextAsync("Vi trækker lod om tiderne");

        // The same pages with script, for axe-core.
        await admin.GotoAsync(requestForm);
        await admin.AssertNoAccessibilityViolationsAsync("lottery: ask for a session");
        await admin.Page.GotoAsync(manageUrl);
        await admin.AssertNoAccessibilityViolationsAsync("lottery: the request's manage page");

        // The draw job runs every minute; the window closes about a minute after it opened.
        var deadline = DateTimeOffset.UtcNow.AddMinutes(4) + (closesAt - DateTimeOffset.UtcNow);
        string status;
        do
        {
            await Task.Delay(5_000, TestContext.Current.CancellationToken);
            await citizen.Page.GotoAsync(manageUrl);
            status = (await citizen.Page.Locator("#booking-status").InnerTextAsync()).Trim();
        }
        while (status != "Booket" && DateTimeOffset.UtcNow < deadline);
        Assert.Equal("Booket", status);

        await citizen.GotoAsync("/udvikling/postkasse");
        var digits = phone.Replace(" ", "", StringComparison.Ordinal)[^8..];
        var messages = citizen.Page.Locator(".mailbox-message[data-channel='Sms']", new() { HasText = digits });
        await Assertions.Expect(messages.Filter(new() { HasText = "Vi har modtaget din anmodning" })).ToHaveCountAsync(1);
        var confirmation = messages.Filter(new() { HasText = "Din tid på Direktørlinjen er booket" });
        await Assertions.Expect(confirmation).ToHaveCountAsync(1);
        Assert.Contains(ManageLinkPattern().Match(manageUrl).Value, await confirmation.Locator(".mailbox-body").InnerTextAsync(), StringComparison.Ordinal);
        citizen.AssertNoConsoleErrors();
    }

    /// <summary>
    /// Through the JSON API as an administrator: a lottery rule for a demo department (Økonomi og Digitalisering; a new
    /// department would change the department count other tests compare) that opened booking a minute ago (before 02:00
    /// when that hour is now: no rule opens in it) with a request window closing about two and a half minutes from now,
    /// so the draw falls within the test. The session is the first weekday 8 or more days ahead that is a fixed
    /// weekday-of-month (day 1-28) and not a fixed-date holiday.
    /// </summary>
    private async Task<(string DepartmentId, DateTimeOffset ClosesAt)> CreateLotteryRuleAsync(string token)
    {
        const string departmentId = "0192f0a0-0000-7000-8000-000000000006";
        using var api = new HttpClient { BaseAddress = stack.GatewayAddress };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var now = DateTimeOffset.UtcNow;
        var local = TimeZoneInfo.ConvertTime(now, Copenhagen).AddMinutes(-1);
        var opensLocal = new DateTimeOffset(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0, local.Offset);
        if (opensLocal.Hour == 2)
        {
            opensLocal = opensLocal.AddMinutes(-(opensLocal.Minute + 1));
        }

        var opensAt = opensLocal.ToUniversalTime();
        var openingDay = DateOnly.FromDateTime(opensLocal.DateTime);
        var date = Enumerable.Range(8, 40).Select(openingDay.AddDays)
            .First(d => d.Day <= 28 && d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
                && (d.Month, d.Day) is not ((12, 24) or (12, 25) or (12, 26) or (12, 31) or (1, 1) or (6, 5)));
        var windowMinutes = (int)Math.Ceiling((now.AddSeconds(150) - opensAt).TotalMinutes);

        await PostAsync(api, $"/api/v1/hotline/departments/{departmentId}/schedule-rules", new
        {
            weekOfMonth = ((date.Day - 1) / 7) + 1,
            weekday = "WEEKDAY_" + date.DayOfWeek.ToString().ToUpperInvariant(),
            startsAt = new { hour = 16, minute = 0 },
            endsAt = new { hour = 17, minute = 0 },
            slotMinutes = 15,
            parallelLines = 2,
            bookingOpensDaysBefore = date.DayNumber - openingDay.DayNumber,
            bookingOpensAt = new { hour = opensLocal.Hour, minute = opensLocal.Minute },
            bookingClosesHoursBefore = 2,
            holidayPolicy = "HOLIDAY_POLICY_SKIP",
            validFrom = new { year = openingDay.Year, month = openingDay.Month, day = 1 },
            allocation = "ALLOCATION_LOTTERY",
            requestWindowMinutes = windowMinutes,
        });
        await PostAsync(api, "/api/v1/hotline/sessions:materialise", new { });
        return (departmentId, opensAt.AddMinutes(windowMinutes));
    }

    private static async Task<JsonElement> PostAsync(HttpClient api, string path, object body)
    {
        using var response = await api.PostAsJsonAsync(path, body, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"POST {path} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [GeneratedRegex("/direktoerlinjen/booking/DL-[2-9A-Z]{8}\\?noegle=[A-Za-z0-9_-]+")]
    private static partial Regex ManageLinkPattern();
}
