using System.Globalization;
using Civic.Contracts.Hotline.V1;
using Civic.Gateway.Ui.Localization;

namespace Civic.Gateway.Pages.Hotline;

/// <summary>A schedule rule in plain words, e.g. "Første tirsdag i måneden kl. 16–18, 10 min., 2 linjer, åbner 14 dage før kl. 8".</summary>
public static class ScheduleRuleDescription
{
    public static string Of(ScheduleRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var english = UiCultures.IsEnglish(CultureInfo.CurrentUICulture);
        var week = ScheduleRulesText.Weeks.FirstOrDefault(w => w.Week == rule.WeekOfMonth).Text?.Current ?? rule.WeekOfMonth.ToString(CultureInfo.InvariantCulture);
        var day = ScheduleRulesText.Weekdays.FirstOrDefault(d => d.Day == rule.Weekday).Text?.Current ?? rule.Weekday.ToString();
        var lines = rule.ParallelLines == 1 ? (english ? "1 line" : "1 linje") : string.Format(CultureInfo.InvariantCulture, english ? "{0} lines" : "{0} linjer", rule.ParallelLines);
        var text = english
            ? $"{week} {day} of the month {Clock(rule.StartsAt)}–{Clock(rule.EndsAt)}, {rule.SlotMinutes} min., {lines}, opens {rule.BookingOpensDaysBefore} days before at {Clock(rule.BookingOpensAt)}, closes {rule.BookingClosesHoursBefore} hours before"
            : $"{week} {day} i måneden kl. {Clock(rule.StartsAt)}–{Clock(rule.EndsAt)}, {rule.SlotMinutes} min., {lines}, åbner {rule.BookingOpensDaysBefore} dage før kl. {Clock(rule.BookingOpensAt)}, lukker {rule.BookingClosesHoursBefore} timer før";
        if (rule.Allocation == Allocation.Lottery)
        {
            text += english ? $", lottery after {rule.RequestWindowMinutes} minutes of requests" : $", lodtrækning efter {rule.RequestWindowMinutes} minutters anmodninger";
        }

        return text;
    }

    /// <summary>"16", or "16.30" when the minutes are not zero (Danish style, both languages).</summary>
    public static string Clock(LocalTime? time) =>
        time is null ? "?" : time.Minute == 0
            ? time.Hour.ToString(CultureInfo.InvariantCulture)
            : string.Format(CultureInfo.InvariantCulture, "{0}.{1:00}", time.Hour, time.Minute);
}
