using System.Globalization;

namespace Civic.Hotline.Schedules;

/// <summary>What a change did to a rule's settings, field by field in the API's names, for the audit.</summary>
public static class ScheduleRuleDiff
{
    public static IReadOnlyList<string> Between(ScheduleRule before, ScheduleRule after)
    {
        var changes = new List<string>();
        void Compare(string field, string was, string now)
        {
            if (was != now)
            {
                changes.Add($"{field}: {was} -> {now}");
            }
        }

        Compare("week_of_month", Number(before.WeekOfMonth), Number(after.WeekOfMonth));
        Compare("weekday", before.Weekday.ToString(), after.Weekday.ToString());
        Compare("starts_at", Clock(before.StartMinute), Clock(after.StartMinute));
        Compare("ends_at", Clock(before.EndMinute), Clock(after.EndMinute));
        Compare("slot_minutes", Number(before.SlotMinutes), Number(after.SlotMinutes));
        Compare("parallel_lines", Number(before.ParallelLines), Number(after.ParallelLines));
        Compare("booking_opens_days_before", Number(before.BookingOpensDaysBefore), Number(after.BookingOpensDaysBefore));
        Compare("booking_opens_at", Clock(before.BookingOpensMinute), Clock(after.BookingOpensMinute));
        Compare("booking_closes_hours_before", Number(before.BookingClosesHoursBefore), Number(after.BookingClosesHoursBefore));
        Compare("holiday_policy", before.HolidayPolicy.ToString(), after.HolidayPolicy.ToString());
        Compare("valid_from", before.ValidFrom.ToString("yyyy-MM", CultureInfo.InvariantCulture), after.ValidFrom.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        Compare("allocation", before.Allocation.ToString(), after.Allocation.ToString());
        Compare("request_window_minutes", Number(before.RequestWindowMinutes), Number(after.RequestWindowMinutes));
        return changes;
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Clock(int minuteOfDay) => $"{minuteOfDay / 60:00}:{minuteOfDay % 60:00}";
}
