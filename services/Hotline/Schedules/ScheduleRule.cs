namespace Civic.Hotline.Schedules;

/// <summary>What happens to a session that falls on a day the municipality is closed.</summary>
public enum HolidayPolicy
{
    Skip = 1,
    NextWorkingDay = 2,
}

/// <summary>How a rule's sessions give out their seats (Migrations/0010).</summary>
public enum SeatAllocation
{
    FirstComeFirstServed = 1,

    /// <summary>A request window after booking opens, then a seeded lottery (Lottery/LotteryDraw); first come, first served after the draw.</summary>
    Lottery = 2,
}

/// <summary>A department's monthly telephone hours, e.g. the first Tuesday, 16:00-18:00, 10-minute slots, 2 lines.</summary>
public sealed class ScheduleRule
{
    public required string Id { get; init; }

    public required string DepartmentId { get; init; }

    /// <summary>1-4 for the first to fourth <see cref="Weekday"/> of the month, -1 for the last.</summary>
    public int WeekOfMonth { get; init; }

    public DayOfWeek Weekday { get; init; }

    /// <summary>Minutes after local midnight in Europe/Copenhagen.</summary>
    public int StartMinute { get; init; }

    public int EndMinute { get; init; }

    public int SlotMinutes { get; init; }

    /// <summary>Citizens called at the same time: each slot's capacity.</summary>
    public int ParallelLines { get; init; }

    public int BookingOpensDaysBefore { get; init; }

    /// <summary>Minutes after local midnight when booking opens.</summary>
    public int BookingOpensMinute { get; init; }

    public int BookingClosesHoursBefore { get; init; }

    public HolidayPolicy HolidayPolicy { get; init; }

    /// <summary>The first day of the first month the rule applies to.</summary>
    public DateOnly ValidFrom { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public SeatAllocation Allocation { get; init; } = SeatAllocation.FirstComeFirstServed;

    /// <summary>For <see cref="SeatAllocation.Lottery"/>: minutes from booking open to the draw; 0 otherwise.</summary>
    public int RequestWindowMinutes { get; init; }

    /// <summary>1 when created, one more with every change (Migrations/0012); the API's etag.</summary>
    public int Version { get; set; } = 1;

    /// <summary>Set when retired: the rule gives no new sessions.</summary>
    public DateTimeOffset? RetiredAt { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }
}

/// <summary>A local time of day as given by a caller, not yet checked.</summary>
public readonly record struct ClockTime(int Hour, int Minute)
{
    public bool IsValid => Hour is >= 0 and <= 23 && Minute is >= 0 and <= 59;

    public int MinuteOfDay => (Hour * 60) + Minute;

    public override string ToString() => $"{Hour:00}:{Minute:00}";
}

/// <summary>What it takes to add a schedule rule; null where the caller gave nothing.</summary>
public sealed record NewScheduleRule(
    string DepartmentId,
    int WeekOfMonth,
    DayOfWeek? Weekday,
    ClockTime? StartsAt,
    ClockTime? EndsAt,
    int SlotMinutes,
    int ParallelLines,
    int BookingOpensDaysBefore,
    ClockTime? BookingOpensAt,
    int BookingClosesHoursBefore,
    HolidayPolicy? HolidayPolicy,
    DateOnly? ValidFrom,
    SeatAllocation Allocation = SeatAllocation.FirstComeFirstServed,
    int RequestWindowMinutes = 0);
