namespace Civic.Hotline.Schedules;

/// <summary>A session a rule gives for one month, with its slots, as UTC instants.</summary>
public sealed record PlannedSession(
    DateOnly NominalDate,
    DateOnly Date,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    DateTimeOffset BookingOpensAt,
    DateTimeOffset BookingClosesAt,
    IReadOnlyList<(DateTimeOffset StartsAt, DateTimeOffset EndsAt)> Slots,
    DateTimeOffset? RequestWindowClosesAt = null)
{
    public DateOnly? MovedFrom => Date == NominalDate ? null : NominalDate;
}

/// <summary>Turns a rule into the dated session of a month. Plain C#: holidays and daylight saving are decided here.</summary>
public static class SessionPlanner
{
    /// <summary>The rule's day in the month before any holiday is considered.</summary>
    public static DateOnly NominalDate(int weekOfMonth, DayOfWeek weekday, int year, int month)
    {
        if (weekOfMonth == -1)
        {
            var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
            return last.AddDays(-(((int)last.DayOfWeek - (int)weekday + 7) % 7));
        }

        var first = new DateOnly(year, month, 1);
        return first.AddDays((((int)weekday - (int)first.DayOfWeek + 7) % 7) + (7 * (weekOfMonth - 1)));
    }

    /// <summary>The day the session is held: the rule's day, or (by its holiday policy) the next working day or none when that day is closed.</summary>
    public static DateOnly? SessionDate(ScheduleRule rule, int year, int month)
    {
        var nominal = NominalDate(rule.WeekOfMonth, rule.Weekday, year, month);
        if (!DanishHolidays.IsClosedDay(nominal))
        {
            return nominal;
        }

        return rule.HolidayPolicy == HolidayPolicy.NextWorkingDay ? DanishHolidays.NextWorkingDay(nominal) : null;
    }

    /// <summary>The window's instants on <paramref name="date"/>; null when a daylight-saving change falls inside it.</summary>
    public static (DateTimeOffset Start, DateTimeOffset End)? Window(ScheduleRule rule, DateOnly date)
    {
        var start = HotlineTime.ToInstant(date, rule.StartMinute);
        var end = HotlineTime.ToInstant(date, rule.EndMinute);
        if (start is null || end is null || end.Value - start.Value != TimeSpan.FromMinutes(rule.EndMinute - rule.StartMinute))
        {
            return null;
        }

        return (start.Value, end.Value);
    }

    /// <summary>The session of <paramref name="year"/>-<paramref name="month"/>, or null when the holiday policy skips it (or the window cannot be held that day).</summary>
    public static PlannedSession? Plan(ScheduleRule rule, int year, int month)
    {
        var date = SessionDate(rule, year, month);
        if (date is null || Window(rule, date.Value) is not { } window)
        {
            return null;
        }

        var slots = new List<(DateTimeOffset, DateTimeOffset)>();
        var length = TimeSpan.FromMinutes(rule.SlotMinutes);
        for (var start = window.Start; start + length <= window.End; start += length)
        {
            slots.Add((start, start + length));
        }

        // Validation keeps the opening time out of 02:00-03:00, so it always exists.
        var opensAt = HotlineTime.ToInstant(date.Value.AddDays(-rule.BookingOpensDaysBefore), rule.BookingOpensMinute)!.Value;
        return new PlannedSession(
            NominalDate(rule.WeekOfMonth, rule.Weekday, year, month), date.Value, window.Start, window.End,
            opensAt, window.Start.AddHours(-rule.BookingClosesHoursBefore), slots,
            rule.Allocation == SeatAllocation.Lottery ? opensAt.AddMinutes(rule.RequestWindowMinutes) : null);
    }
}
