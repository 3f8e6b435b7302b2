using Civic.Hotline.Schedules;

namespace Civic.Services.FunctionalTests.Domain;

public sealed class SessionPlannerTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 10, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1, DayOfWeek.Tuesday, 2026, 9, "2026-09-01")]
    [InlineData(1, DayOfWeek.Tuesday, 2026, 12, "2026-12-01")]
    [InlineData(3, DayOfWeek.Thursday, 2026, 10, "2026-10-15")]
    [InlineData(-1, DayOfWeek.Wednesday, 2026, 12, "2026-12-30")]
    [InlineData(-1, DayOfWeek.Sunday, 2026, 3, "2026-03-29")]
    public void NominalDate_NthOrLastWeekday(int week, DayOfWeek day, int year, int month, string expected)
    {
        Assert.Equal(expected, SessionPlanner.NominalDate(week, day, year, month).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Plan_TheIssuesExampleInWinter_SlotsInUtcAndBookingWindow()
    {
        var rule = ScheduleRules.Validate(ScheduleRulesTests.FirstTuesday(), [], "r", Now);

        var plan = SessionPlanner.Plan(rule, 2026, 12)!;

        Assert.Equal(new DateOnly(2026, 12, 1), plan.Date);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 15, 0, 0, TimeSpan.Zero), plan.StartsAt);
        Assert.Equal(12, plan.Slots.Count);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 16, 50, 0, TimeSpan.Zero), plan.Slots[^1].StartsAt);
        Assert.Equal(new DateTimeOffset(2026, 11, 17, 7, 0, 0, TimeSpan.Zero), plan.BookingOpensAt);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 13, 0, 0, TimeSpan.Zero), plan.BookingClosesAt);
    }

    [Fact]
    public void Plan_SessionOnTheDaySummerTimeStarts_SummerOffsetButBookingOpensInWinterTime()
    {
        var rule = ScheduleRules.Validate(
            ScheduleRulesTests.FirstTuesday() with { WeekOfMonth = -1, Weekday = DayOfWeek.Sunday, StartsAt = new ClockTime(10, 0), EndsAt = new ClockTime(12, 0), HolidayPolicy = HolidayPolicy.Skip },
            [], "r", Now);

        var plan = SessionPlanner.Plan(rule, 2026, 3)!;

        Assert.Equal(new DateOnly(2026, 3, 29), plan.Date);
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 8, 0, 0, TimeSpan.Zero), plan.StartsAt); // 10:00 CEST
        Assert.Equal(new DateTimeOffset(2026, 3, 15, 7, 0, 0, TimeSpan.Zero), plan.BookingOpensAt); // 08:00 CET
        Assert.Equal(TimeSpan.FromHours(2), plan.EndsAt - plan.StartsAt);
    }

    [Fact]
    public void Plan_SessionOnTheDayWinterTimeStarts_WinterOffset()
    {
        var rule = ScheduleRules.Validate(
            ScheduleRulesTests.FirstTuesday() with { WeekOfMonth = -1, Weekday = DayOfWeek.Sunday, StartsAt = new ClockTime(10, 0), EndsAt = new ClockTime(12, 0), HolidayPolicy = HolidayPolicy.Skip },
            [], "r", Now);

        var plan = SessionPlanner.Plan(rule, 2026, 10)!;

        Assert.Equal(new DateTimeOffset(2026, 10, 25, 9, 0, 0, TimeSpan.Zero), plan.StartsAt); // 10:00 CET
        Assert.Equal(new DateTimeOffset(2026, 10, 11, 6, 0, 0, TimeSpan.Zero), plan.BookingOpensAt); // 08:00 CEST
    }

    [Fact]
    public void Plan_FirstTuesdayIsNewYearsDay_MovedToTheNextWorkingDayOrSkipped()
    {
        var move = ScheduleRules.Validate(ScheduleRulesTests.FirstTuesday(), [], "r", Now);
        var skip = ScheduleRules.Validate(ScheduleRulesTests.FirstTuesday() with { HolidayPolicy = HolidayPolicy.Skip }, [], "r", Now);

        var moved = SessionPlanner.Plan(move, 2030, 1)!;

        Assert.Equal(new DateOnly(2030, 1, 2), moved.Date);
        Assert.Equal(new DateOnly(2030, 1, 1), moved.MovedFrom);
        Assert.Null(SessionPlanner.Plan(skip, 2030, 1));
    }

    [Fact]
    public void Plan_FourthThursdayIsMaundyThursday_MovedPastTheWholeEaster()
    {
        // Maundy Thursday 2027 is 25 March, the fourth Thursday; Easter Monday is 29 March.
        var rule = ScheduleRules.Validate(ScheduleRulesTests.FirstTuesday() with { WeekOfMonth = 4, Weekday = DayOfWeek.Thursday }, [], "r", Now);

        Assert.Equal(new DateOnly(2027, 3, 30), SessionPlanner.Plan(rule, 2027, 3)!.Date);
    }
}
