using Civic.Contracts.Common.V1;

namespace Civic.Contracts.Hotline.V1;

/// <summary>
/// A schedule rule's settings, carried alike by a new rule, a change and the rule as read. Each message keeps its own
/// fields on the wire (numbered differently); this lets the service read them with one mapping and the gateway and
/// tests copy them from one message to another without serialising.
/// </summary>
public interface IScheduleRuleSettings
{
    int WeekOfMonth { get; set; }

    Weekday Weekday { get; set; }

    LocalTime? StartsAt { get; set; }

    LocalTime? EndsAt { get; set; }

    int SlotMinutes { get; set; }

    int ParallelLines { get; set; }

    int BookingOpensDaysBefore { get; set; }

    LocalTime? BookingOpensAt { get; set; }

    int BookingClosesHoursBefore { get; set; }

    HolidayPolicy HolidayPolicy { get; set; }

    LocalDate? ValidFrom { get; set; }

    Allocation Allocation { get; set; }

    int RequestWindowMinutes { get; set; }
}

public sealed partial class CreateScheduleRuleRequest : IScheduleRuleSettings;

public sealed partial class ScheduleRuleSettings : IScheduleRuleSettings;

public sealed partial class ScheduleRule : IScheduleRuleSettings;

public static class ScheduleRuleSettingsExtensions
{
    /// <summary>Copies every setting of <paramref name="source"/> onto <paramref name="target"/> (message values cloned; unset stays unset) and returns it.</summary>
    public static T CopySettingsTo<T>(this IScheduleRuleSettings source, T target)
        where T : IScheduleRuleSettings
    {
        target.WeekOfMonth = source.WeekOfMonth;
        target.Weekday = source.Weekday;
        target.StartsAt = source.StartsAt?.Clone();
        target.EndsAt = source.EndsAt?.Clone();
        target.SlotMinutes = source.SlotMinutes;
        target.ParallelLines = source.ParallelLines;
        target.BookingOpensDaysBefore = source.BookingOpensDaysBefore;
        target.BookingOpensAt = source.BookingOpensAt?.Clone();
        target.BookingClosesHoursBefore = source.BookingClosesHoursBefore;
        target.HolidayPolicy = source.HolidayPolicy;
        target.ValidFrom = source.ValidFrom?.Clone();
        target.Allocation = source.Allocation;
        target.RequestWindowMinutes = source.RequestWindowMinutes;
        return target;
    }
}
