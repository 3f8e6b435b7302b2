using Civic.Contracts.Hotline.V1;
using Google.Protobuf.WellKnownTypes;
using ChangeMessage = Civic.Contracts.Hotline.V1.ScheduleRuleChange;
using CommonDate = Civic.Contracts.Common.V1.LocalDate;
using RuleMessage = Civic.Contracts.Hotline.V1.ScheduleRule;
using SessionMessage = Civic.Contracts.Hotline.V1.Session;
using SlotMessage = Civic.Contracts.Hotline.V1.Slot;

namespace Civic.Hotline.Schedules;

/// <summary>Between civic.hotline.v1 schedule messages and the schedule domain.</summary>
public static class ScheduleMapping
{
    // One mapping serves creating and changing a rule: both messages carry IScheduleRuleSettings (Civic.Contracts).
    public static NewScheduleRule ToNewRule(CreateScheduleRuleRequest request) => ToNewRuleOf(request.DepartmentId, request);

    /// <summary>The rule <paramref name="settings"/> describe for <paramref name="departmentId"/>; a missing message reads as empty (validation names each field).</summary>
    public static NewScheduleRule ToNewRule(string departmentId, ScheduleRuleSettings? settings) => ToNewRuleOf(departmentId, settings ?? new ScheduleRuleSettings());

    public static RuleChangeOrder ToOrder(string ruleId, string etag, BookedSessions bookedSessions, string reason, bool validateOnly) => new(
        ruleId, etag,
        bookedSessions switch
        {
            BookedSessions.Keep => BookedSessionsPolicy.Keep,
            BookedSessions.Cancel => BookedSessionsPolicy.Cancel,
            _ => null,
        },
        reason, validateOnly);

    private static NewScheduleRule ToNewRuleOf(string departmentId, IScheduleRuleSettings request) => new(
        departmentId,
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
        Etag = ScheduleRuleEditor.Etag(rule),
        RetiredAt = rule.RetiredAt is { } retired ? Timestamp.FromDateTimeOffset(retired) : null,
        UpdatedAt = rule.UpdatedAt is { } updated ? Timestamp.FromDateTimeOffset(updated) : null,
    };

    public static ScheduleRuleImpact ToMessage(RuleChangeImpact impact, bool applied)
    {
        var message = new ScheduleRuleImpact
        {
            AffectedBookings = impact.AffectedBookings, SessionsReplaced = impact.Replaced, SessionsAdjusted = impact.Adjusted, Applied = applied,
        };
        message.AffectedSessions.AddRange(impact.Affected.Select(a => new Contracts.Hotline.V1.AffectedSession
        {
            SessionId = a.SessionId, Date = ToMessage(a.Date), StartsAt = Timestamp.FromDateTimeOffset(a.StartsAt), Bookings = a.Bookings,
        }));
        return message;
    }

    public static ChangeMessage ToMessage(RuleChangeEntry change)
    {
        var message = new ChangeMessage
        {
            Id = change.Id,
            RuleId = change.RuleId,
            Kind = change.Kind switch
            {
                RuleChangeKind.Created => Contracts.Hotline.V1.RuleChangeKind.Created,
                RuleChangeKind.Updated => Contracts.Hotline.V1.RuleChangeKind.Updated,
                _ => Contracts.Hotline.V1.RuleChangeKind.Retired,
            },
            ChangedBy = change.ChangedBy,
            ChangedByName = change.ChangedByName,
            ChangedAt = Timestamp.FromDateTimeOffset(change.ChangedAt),
            BookedSessions = change.BookedSessions switch
            {
                BookedSessionsPolicy.Keep => BookedSessions.Keep,
                BookedSessionsPolicy.Cancel => BookedSessions.Cancel,
                _ => BookedSessions.Unspecified,
            },
            Impact = ToMessage(new RuleChangeImpact(change.AffectedSessions, change.SessionsReplaced, change.SessionsAdjusted), applied: true),
            Etag = change.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        message.Changes.AddRange(change.Changes);
        return message;
    }

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
