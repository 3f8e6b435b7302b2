using Civic.Gateway.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Civic.Gateway.BrowserTests.Network;

/// <summary>
/// The coordinator schedules a meeting of the group on vulnerable families, with and without JavaScript (an unreadable
/// time refused on its field first); the demo staff member, a member, sees it on the group page and downloads it as .ics.
/// </summary>
public sealed class GroupMeetingTests(CivicStack stack)
{
    private const string GroupPath = "/ressourcenetvaerket/grupper/0192f0a0-0000-7000-8006-000000000002";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Coordinator_SchedulesMeeting_MemberSeesItAndDownloadsIcs(bool javaScript)
    {
        var title = $"Netværksmøde {Guid.NewGuid().ToString("N")[..6]}";
        var day = DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await using (var coordinator = await stack.OpenAsync(javaScriptEnabled: javaScript))
        {
            await coordinator.LogInAsAsync("coordinator");
            await coordinator.GotoAsync(GroupPath);
            await coordinator.Page.GetByLabel("Mødets titel").FillAsync(title);
            await coordinator.Page.GetByLabel("Dato").FillAsync(day);
            await coordinator.Page.GetByLabel("Starttid").FillAsync("kl. to");
            await coordinator.Page.GetByLabel("Sluttid").FillAsync("16:00");
            await coordinator.Page.GetByLabel("Sted", new() { Exact = true }).FillAsync("Rådhuset, mødelokale 3");
            await coordinator.Page.GetByLabel("Dagsorden").FillAsync("1. Velkommen\n2. Erfaringer fra familierne");
            await coordinator.Page.Locator("#schedule-meeting").ClickAsync();
            await Assertions.Expect(coordinator.Page.Locator(".error-summary a[href='#meeting-start']")).ToBeVisibleAsync();
            if (javaScript)
            {
                // axe-core runs in the page: only with its JavaScript on.
                await coordinator.AssertNoAccessibilityViolationsAsync("a group with a refused meeting");
            }

            await coordinator.Page.GetByLabel("Starttid").FillAsync("14:00");
            await coordinator.Page.Locator("#schedule-meeting").ClickAsync();
            await Assertions.Expect(coordinator.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Mødet er indkaldt.");
        }

        await using var member = await stack.OpenAsync();
        await member.LogInAsAsync("staff");
        await member.GotoAsync(GroupPath);
        var meeting = member.Page.Locator(".group-meeting", new() { HasText = title });
        await Assertions.Expect(meeting).ToContainTextAsync("Rådhuset, mødelokale 3");
        // Danish clock times: "14.00".
        await Assertions.Expect(meeting).ToContainTextAsync("14.00");
        await member.AssertNoAccessibilityViolationsAsync("a group with a meeting");

        var download = await member.Page.RunAndWaitForDownloadAsync(() => meeting.GetByRole(AriaRole.Link, new() { Name = $"Hent {title} til din kalender (.ics)" }).ClickAsync());
        var path = await download.PathAsync();
        var ics = await File.ReadAllTextAsync(path!, TestContext.Current.CancellationToken);
        Assert.Contains("BEGIN:VEVENT", ics, StringComparison.Ordinal);
        Assert.Contains(title, ics, StringComparison.Ordinal);
        Assert.EndsWith(".ics", download.SuggestedFilename, StringComparison.Ordinal);
    }
}
