using System.Security.Claims;
using Civic.Defaults.Auth;
using Civic.Hosting.DemoData;
using Microsoft.EntityFrameworkCore;

namespace Civic.Hotline.Schedules;

/// <summary>
/// One rule for each of the seven demo departments, then the sessions they give. Booking opens 45 days
/// ahead in the demo, so a session is always open for booking (sessions are at most five weeks apart).
/// Sundhed og Kultur gives its seats by lottery, with a 40-day request window, so one of its sessions is nearly
/// always taking requests (the window of the next opens before the one before it closes, but for a few days a year).
/// </summary>
public sealed class DemoSchedules(HotlineDbContext db, ScheduleCatalog catalog, SessionMaterialiser materialiser, TimeProvider timeProvider) : IDemoDataSeeder
{
    private sealed record Demo(string RuleId, string DepartmentId, int Week, DayOfWeek Day, int StartHour, int EndHour, int SlotMinutes, int Lines, int LotteryWindowDays = 0);

    private static readonly Demo[] Rules =
    [
        new("0192f0a0-0000-7000-8000-000000000101", "0192f0a0-0000-7000-8000-000000000001", 1, DayOfWeek.Tuesday, 16, 18, 10, 2),
        new("0192f0a0-0000-7000-8000-000000000102", "0192f0a0-0000-7000-8000-000000000002", 1, DayOfWeek.Wednesday, 10, 12, 15, 2),
        new("0192f0a0-0000-7000-8000-000000000103", "0192f0a0-0000-7000-8000-000000000003", 2, DayOfWeek.Monday, 15, 17, 10, 1),
        new("0192f0a0-0000-7000-8000-000000000104", "0192f0a0-0000-7000-8000-000000000004", 2, DayOfWeek.Thursday, 16, 18, 10, 2),
        new("0192f0a0-0000-7000-8000-000000000105", "0192f0a0-0000-7000-8000-000000000005", 3, DayOfWeek.Tuesday, 17, 19, 15, 1, LotteryWindowDays: 40),
        new("0192f0a0-0000-7000-8000-000000000106", "0192f0a0-0000-7000-8000-000000000006", 3, DayOfWeek.Thursday, 9, 11, 10, 1),
        new("0192f0a0-0000-7000-8000-000000000107", "0192f0a0-0000-7000-8000-000000000007", -1, DayOfWeek.Wednesday, 14, 17, 10, 3),
    ];

    /// <summary>Who the demo rules' "created" entries name.</summary>
    private static readonly ClaimsPrincipal DemoData = new(new ClaimsIdentity([new Claim(CivicClaims.Subject, "demo-data"), new Claim(CivicClaims.Name, "Demodata")]));

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var existing = await db.ScheduleRules.Select(r => r.Id).ToListAsync(cancellationToken);
        var departments = await db.Departments.Select(d => d.Id).ToListAsync(cancellationToken);
        var today = HotlineTime.Today(timeProvider);
        foreach (var demo in Rules.Where(r => !existing.Contains(r.RuleId) && departments.Contains(r.DepartmentId)))
        {
            // Through the same path as an administrator's rule: validated, and recorded as created.
            await catalog.CreateRuleAsync(
                DemoData,
                new NewScheduleRule(
                    demo.DepartmentId, demo.Week, demo.Day, new ClockTime(demo.StartHour, 0), new ClockTime(demo.EndHour, 0), demo.SlotMinutes, demo.Lines,
                    BookingOpensDaysBefore: 45, BookingOpensAt: new ClockTime(8, 0), BookingClosesHoursBefore: 2, HolidayPolicy.NextWorkingDay,
                    ValidFrom: new DateOnly(today.Year, today.Month, 1),
                    demo.LotteryWindowDays > 0 ? SeatAllocation.Lottery : SeatAllocation.FirstComeFirstServed, demo.LotteryWindowDays * 24 * 60),
                cancellationToken,
                demo.RuleId);
        }

        await materialiser.MaterialiseAsync(cancellationToken);
    }
}
