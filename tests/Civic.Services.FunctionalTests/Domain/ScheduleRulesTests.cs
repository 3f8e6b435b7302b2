using Civic.Hosting.Errors;
using Civic.Hotline.Schedules;

namespace Civic.Services.FunctionalTests.Domain;

public sealed class ScheduleRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 10, 9, 0, 0, TimeSpan.Zero);

    internal static NewScheduleRule FirstTuesday(string departmentId = "d") => new(
        departmentId, 1, DayOfWeek.Tuesday, new ClockTime(16, 0), new ClockTime(18, 0), 10, 2, 14, new ClockTime(8, 0), 2,
        HolidayPolicy.NextWorkingDay, new DateOnly(2026, 1, 1));

    [Fact]
    public void Validate_TheIssuesExample_Accepted()
    {
        var rule = ScheduleRules.Validate(FirstTuesday(), [], "r", Now);

        Assert.Equal(16 * 60, rule.StartMinute);
        Assert.Equal(18 * 60, rule.EndMinute);
        Assert.Equal(2, rule.ParallelLines);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Validate_CapacityZeroOrNegative_RefusedOnParallelLines(int lines)
    {
        var exception = Assert.Throws<ValidationException>(() => ScheduleRules.Validate(FirstTuesday() with { ParallelLines = lines }, [], "r", Now));

        Assert.Equal("parallel_lines", Assert.Single(exception.Violations).Field);
    }

    [Fact]
    public void Validate_WindowCrossingMidnight_RefusedOnEndsAt()
    {
        var exception = Assert.Throws<ValidationException>(() =>
            ScheduleRules.Validate(FirstTuesday() with { StartsAt = new ClockTime(23, 0), EndsAt = new ClockTime(1, 0) }, [], "r", Now));

        Assert.Equal("ends_at", Assert.Single(exception.Violations).Field);
        Assert.Contains("midnight", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3)] // 29 March 2026: clocks go forward at 02:00
    [InlineData(10)] // 25 October 2026: clocks go back at 03:00
    public void Validate_LastSundayWindowAcrossTheClockChange_RefusedNamingTheDay(int month)
    {
        var rule = FirstTuesday() with
        {
            WeekOfMonth = -1, Weekday = DayOfWeek.Sunday, StartsAt = new ClockTime(1, 0), EndsAt = new ClockTime(4, 0),
            HolidayPolicy = HolidayPolicy.Skip, ValidFrom = new DateOnly(2026, month, 1),
        };

        var exception = Assert.Throws<ValidationException>(() => ScheduleRules.Validate(rule, [], "r", Now));

        var violation = Assert.Single(exception.Violations);
        Assert.Equal("starts_at", violation.Field);
        Assert.Contains($"2026-{month:00}-", violation.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_LastSundayWindowAfterTheChange_Accepted()
    {
        var rule = FirstTuesday() with { WeekOfMonth = -1, Weekday = DayOfWeek.Sunday, StartsAt = new ClockTime(10, 0), EndsAt = new ClockTime(12, 0), HolidayPolicy = HolidayPolicy.Skip };

        Assert.Equal(DayOfWeek.Sunday, ScheduleRules.Validate(rule, [], "r", Now).Weekday);
    }

    [Fact]
    public void Validate_OverlappingRuleOfTheSameDepartment_RefusedOnWeekday()
    {
        var existing = ScheduleRules.Validate(FirstTuesday(), [], "first", Now);

        var overlapping = FirstTuesday() with { StartsAt = new ClockTime(17, 0), EndsAt = new ClockTime(19, 0) };
        var exception = Assert.Throws<ValidationException>(() => ScheduleRules.Validate(overlapping, [existing], "second", Now));

        Assert.Equal("weekday", Assert.Single(exception.Violations).Field);
        Assert.Contains("first", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_FourthAndLastOfTheSameWeekday_OverlapBecauseTheyCanBeTheSameDay()
    {
        var fourth = ScheduleRules.Validate(FirstTuesday() with { WeekOfMonth = 4 }, [], "fourth", Now);

        var exception = Assert.Throws<ValidationException>(() => ScheduleRules.Validate(FirstTuesday() with { WeekOfMonth = -1 }, [fourth], "last", Now));

        Assert.Equal("weekday", Assert.Single(exception.Violations).Field);
    }

    [Fact]
    public void Validate_SameHoursOtherDepartmentOrOtherWeek_Accepted()
    {
        var existing = ScheduleRules.Validate(FirstTuesday(), [], "first", Now);

        Assert.NotNull(ScheduleRules.Validate(FirstTuesday("other"), [existing], "r2", Now));
        Assert.NotNull(ScheduleRules.Validate(FirstTuesday() with { WeekOfMonth = 2 }, [existing], "r3", Now));
    }

    [Fact]
    public void Validate_EverythingMissing_EveryFieldNamed()
    {
        var exception = Assert.Throws<ValidationException>(() => ScheduleRules.Validate(
            new NewScheduleRule("d", 0, null, null, null, 0, 0, 0, null, -1, null, null), [], "r", Now));

        Assert.Equal(
            ["week_of_month", "weekday", "starts_at", "ends_at", "booking_opens_at", "slot_minutes", "parallel_lines", "booking_opens_days_before", "holiday_policy", "valid_from"],
            exception.Violations.Select(v => v.Field));
    }
}
