using Civic.Contracts.Hotline.V1;
using Google.Protobuf.WellKnownTypes;
using CommonDate = Civic.Contracts.Common.V1.LocalDate;
using RuleMessage = Civic.Contracts.Hotline.V1.ScheduleRule;
using SessionMessage = Civic.Contracts.Hotline.V1.Session;
using SlotMessage = Civic.Contracts.Hotline.V1.Slot;

namespace Civic.Hotline.Schedules;

/// <summary>Between civic.hotline.v1 schedule messages and the schedule domain.</summary>
public static class ScheduleMapping
{
    public static NewScheduleRule ToNewRule(CreateScheduleRuleRequest request) => new(
        request.DepartmentId,
        request.WeekOfMonth,
        request.Weekday == Weekday.Unspecified || !System.Enum.IsDefined(request.Weekday) ? null : (DayOfWeek)((int)request.Weekday % 7),
        ToClock(request.StartsAt),
        ToClock(request.EndsAt),
        request.SlotMinutes,
        request.ParallelLines,
        request.BookingOpensDaysBefore,
        ToClock(request.BookingOpensAt),
        request.BookingClosesHoursBefore,
        request.HolidayPolicy switch
        {
            Contracts.Hotline.V1.HolidayPolicy.Skip => HolidayPolicy.Skip,
            Contracts.Hotline.V1.HolidayPolicy.NextWorkingDay => HolidayPolicy.NextWorkingDay,
            _ => null,
        },
        ToDate(request.ValidFrom),
        request.Allocation == Allocation.Lottery ? SeatAllocation.Lottery : SeatAllocation.FirstComeFirstServed,
        request.RequestWindowMinutes);

    public static RuleMessage ToMessage(ScheduleRule rule) => new()
    {
        Id = rule.Id,
        DepartmentId = rule.DepartmentId,
        WeekOfMonth = rule.WeekOfMonth,
        Weekday = rule.Weekday == DayOfWeek.Sunday ? Weekday.Sunday : (Weekday)(int)rule.Weekday,
        StartsAt = ToMessage(rule.StartMinute),
        EndsAt = ToMessage(rule.EndMinute),
        SlotMinutes = rule.SlotMinutes,
        ParallelLines = rule.ParallelLines,
        BookingOpensDaysBefore = rule.BookingOpensDaysBefore,
        BookingOpensAt = ToMessage(rule.BookingOpensMinute),
        BookingClosesHoursBefore = rule.BookingClosesHoursBefore,
        HolidayPolicy = rule.HolidayPolicy == HolidayPolicy.Skip ? Contracts.Hotline.V1.HolidayPolicy.Skip : Contracts.Hotline.V1.HolidayPolicy.NextWorkingDay,
        ValidFrom = ToMessage(rule.ValidFrom),
        CreatedAt = Timestamp.FromDateTimeOffset(rule.CreatedAt),
        Allocation = rule.Allocation == SeatAllocation.Lottery ? Allocation.Lottery : Allocation.FirstComeFirstServed,
        RequestWindowMinutes = rule.RequestWindowMinutes,
    };

    /// <summary>The session with its slots; <paramref name="held"/> gives each slot's live holds.</summary>
    public static SessionMessage ToMessage(Session session, IReadOnlyDictionary<string, int> held)
    {
        var message = new SessionMessage
        {
            Id = session.Id,
            DepartmentId = session.DepartmentId,
            RuleId = session.RuleId,
            Date = ToMessage(session.Date),
            StartsAt = Timestamp.FromDateTimeOffset(session.StartsAt),
            EndsAt = Timestamp.FromDateTimeOffset(session.EndsAt),
            BookingOpensAt = Timestamp.FromDateTimeOffset(session.BookingOpensAt),
            BookingClosesAt = Timestamp.FromDateTimeOffset(session.BookingClosesAt),
            MovedFrom = session.Date == session.NominalDate ? null : ToMessage(session.NominalDate),
            Cancelled = session.CancelledAt is not null,
            CancelReason = session.CancelReason ?? string.Empty,
            RequestWindowClosesAt = session.RequestWindowClosesAt is { } closes ? Timestamp.FromDateTimeOffset(closes) : null,
            DrawnAt = session.DrawnAt is { } drawn ? Timestamp.FromDateTimeOffset(drawn) : null,
        };
        message.Slots.AddRange(session.Slots.Select(s => ToMessage(s, held.GetValueOrDefault(s.Id))));
        return message;
    }

    public static SlotMessage ToMessage(Slot slot, int held) => new()
    {
        Id = slot.Id, StartsAt = Timestamp.FromDateTimeOffset(slot.StartsAt), EndsAt = Timestamp.FromDateTimeOffset(slot.EndsAt),
        Capacity = slot.Capacity, Booked = slot.Booked, Held = held,
    };

    public static CommonDate ToMessage(DateOnly date) => new() { Year = date.Year, Month = date.Month, Day = date.Day };

    private static LocalTime ToMessage(int minuteOfDay) => new() { Hour = minuteOfDay / 60, Minute = minuteOfDay % 60 };

    private static ClockTime? ToClock(LocalTime? time) => time is null ? null : new ClockTime(time.Hour, time.Minute);

    // A month the calendar does not have is read as missing, and validation says so.
    private static DateOnly? ToDate(CommonDate? date) =>
        date is { Year: >= 2000 and <= 2200, Month: >= 1 and <= 12 } ? new DateOnly(date.Year, date.Month, 1) : null;
}
