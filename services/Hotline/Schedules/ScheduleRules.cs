using Civic.Hosting.Errors;

namespace Civic.Hotline.Schedules;

/// <summary>What a valid schedule rule looks like. Plain C#, so it is tested without a server or a database.</summary>
public static class ScheduleRules
{
    public const int MaxSlotMinutes = 240;
    public const int MinSlotMinutes = 5;
    public const int MaxParallelLines = 50;
    public const int MaxOpensDaysBefore = 90;

    /// <summary>How far ahead a rule's days are checked for daylight-saving changes inside the window.</summary>
    public const int CheckedMonths = 36;

    /// <summary>
    /// Checks every field and throws one <see cref="ValidationException"/> naming each wrong one, including
    /// a window that crosses midnight or a daylight-saving change and an overlap with <paramref name="existing"/>
    /// rules of the same department; returns the rule to store.
    /// </summary>
    public static ScheduleRule Validate(NewScheduleRule rule, IReadOnlyList<ScheduleRule> existing, string id, DateTimeOffset now)
    {
        var violations = new FieldViolations();
        if (rule.WeekOfMonth is not (>= 1 and <= 4 or -1))
        {
            violations.Add("week_of_month", "The week of the month must be 1-4 (first to fourth) or -1 (last).", "Ugen i måneden skal være 1-4 (første til fjerde) eller -1 (sidste).");
        }

        if (rule.Weekday is null)
        {
            violations.Add("weekday", "Choose the day of the week.", "Vælg ugedagen.");
        }

        Clock(violations, "starts_at", rule.StartsAt, "the start", "starttidspunktet");
        Clock(violations, "ends_at", rule.EndsAt, "the end", "sluttidspunktet");
        Clock(violations, "booking_opens_at", rule.BookingOpensAt, "the time booking opens", "tidspunktet, hvor bookingen åbner");
        if (rule.BookingOpensAt is { IsValid: true, Hour: 2 })
        {
            violations.Add("booking_opens_at", "Booking cannot open between 02:00 and 03:00: that hour is skipped or repeated when the clocks change.",
                "Bookingen kan ikke åbne mellem 02:00 og 03:00: den time springes over eller gentages, når uret stilles.");
        }

        var window = rule.StartsAt is { IsValid: true } s && rule.EndsAt is { IsValid: true } e ? (Start: s.MinuteOfDay, End: e.MinuteOfDay) : ((int Start, int End)?)null;
        if (window is { } w && w.End <= w.Start)
        {
            violations.Add("ends_at", $"The window {rule.StartsAt}-{rule.EndsAt} crosses midnight (or is empty): it must end after it starts on the same day.",
                $"Tidsrummet {rule.StartsAt}-{rule.EndsAt} går over midnat (eller er tomt): det skal slutte efter start samme dag.");
            window = null;
        }

        if (rule.SlotMinutes is < MinSlotMinutes or > MaxSlotMinutes)
        {
            violations.Add("slot_minutes", $"A slot must last {MinSlotMinutes}-{MaxSlotMinutes} minutes.", $"En samtaletid skal vare {MinSlotMinutes}-{MaxSlotMinutes} minutter.");
        }
        else if (window is { } fit && fit.End - fit.Start < rule.SlotMinutes)
        {
            violations.Add("slot_minutes", $"A {rule.SlotMinutes}-minute slot does not fit in the window {rule.StartsAt}-{rule.EndsAt}.",
                $"En samtaletid på {rule.SlotMinutes} minutter kan ikke være i tidsrummet {rule.StartsAt}-{rule.EndsAt}.");
        }

        if (rule.ParallelLines is < 1 or > MaxParallelLines)
        {
            violations.Add("parallel_lines", $"The capacity (parallel lines) must be 1-{MaxParallelLines}; it was {rule.ParallelLines}.",
                $"Kapaciteten (samtidige linjer) skal være 1-{MaxParallelLines}; den var {rule.ParallelLines}.");
        }

        if (rule.BookingOpensDaysBefore is < 1 or > MaxOpensDaysBefore)
        {
            violations.Add("booking_opens_days_before", $"Booking must open 1-{MaxOpensDaysBefore} days before the session.",
                $"Bookingen skal åbne 1-{MaxOpensDaysBefore} dage før telefontiden.");
        }
        else if (rule.BookingClosesHoursBefore < 0 || rule.BookingClosesHoursBefore >= rule.BookingOpensDaysBefore * 24)
        {
            violations.Add("booking_closes_hours_before", $"Booking must close 0-{(rule.BookingOpensDaysBefore * 24) - 1} hours before the session, after it opens.",
                $"Bookingen skal lukke 0-{(rule.BookingOpensDaysBefore * 24) - 1} timer før telefontiden, efter at den er åbnet.");
        }

        CheckRequestWindow(rule, violations);
        if (rule.HolidayPolicy is null)
        {
            violations.Add("holiday_policy", "Choose what happens on a public holiday: skip the session or move it to the next working day.",
                "Vælg, hvad der sker på en helligdag: telefontiden springes over eller flyttes til næste arbejdsdag.");
        }

        if (rule.ValidFrom is null)
        {
            violations.Add("valid_from", "Give the first month the rule applies to.", "Angiv den første måned, reglen gælder for.");
        }

        violations.ThrowIfAny();
        var valid = new ScheduleRule
        {
            Id = id,
            DepartmentId = rule.DepartmentId,
            WeekOfMonth = rule.WeekOfMonth,
            Weekday = rule.Weekday!.Value,
            StartMinute = rule.StartsAt!.Value.MinuteOfDay,
            EndMinute = rule.EndsAt!.Value.MinuteOfDay,
            SlotMinutes = rule.SlotMinutes,
            ParallelLines = rule.ParallelLines,
            BookingOpensDaysBefore = rule.BookingOpensDaysBefore,
            BookingOpensMinute = rule.BookingOpensAt!.Value.MinuteOfDay,
            BookingClosesHoursBefore = rule.BookingClosesHoursBefore,
            HolidayPolicy = rule.HolidayPolicy!.Value,
            ValidFrom = new DateOnly(rule.ValidFrom!.Value.Year, rule.ValidFrom.Value.Month, 1),
            CreatedAt = now,
            Allocation = rule.Allocation,
            RequestWindowMinutes = rule.RequestWindowMinutes,
        };
        CheckDaylightSaving(valid, violations);
        CheckOverlap(valid, existing, violations);
        violations.ThrowIfAny();
        return valid;
    }

    /// <summary>True when the two rules can fall on the same day with windows that overlap.</summary>
    public static bool Overlaps(ScheduleRule a, ScheduleRule b) =>
        a.Weekday == b.Weekday
        && (a.WeekOfMonth == b.WeekOfMonth || (a.WeekOfMonth, b.WeekOfMonth) is (4, -1) or (-1, 4))
        && a.StartMinute < b.EndMinute && b.StartMinute < a.EndMinute;

    private static void CheckDaylightSaving(ScheduleRule rule, FieldViolations violations)
    {
        for (var month = rule.ValidFrom; month < rule.ValidFrom.AddMonths(CheckedMonths); month = month.AddMonths(1))
        {
            var date = SessionPlanner.SessionDate(rule, month.Year, month.Month);
            if (date is { } day && SessionPlanner.Window(rule, day) is null)
            {
                var window = $"{TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(rule.StartMinute)):HH:mm}-{TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(rule.EndMinute)):HH:mm}";
                violations.Add("starts_at", $"On {day:yyyy-MM-dd} the clocks change inside the window {window}; choose hours outside 02:00-03:00.",
                    $"Den {day:dd-MM-yyyy} stilles uret i tidsrummet {window}; vælg en tid uden for 02:00-03:00.");
                return;
            }
        }
    }

    /// <summary>
    /// A lottery rule needs a request window that closes at least an hour before booking closes (so the draw's
    /// winners and the waitlist have time, and a daylight-saving change cannot turn the order around); other rules none.
    /// </summary>
    private static void CheckRequestWindow(NewScheduleRule rule, FieldViolations violations)
    {
        if (rule.Allocation != SeatAllocation.Lottery)
        {
            if (rule.RequestWindowMinutes != 0)
            {
                violations.Add("request_window_minutes", "Only a lottery rule has a request window; leave it at 0 or choose the lottery.",
                    "Kun en regel med lodtrækning har en anmodningsperiode; lad den være 0, eller vælg lodtrækning.");
            }

            return;
        }

        var longest = ((rule.BookingOpensDaysBefore * 24) - rule.BookingClosesHoursBefore - 1) * 60;
        if (rule.RequestWindowMinutes < 1 || rule.RequestWindowMinutes > longest)
        {
            violations.Add("request_window_minutes",
                $"A lottery rule's request window must last 1-{Math.Max(longest, 1)} minutes: it starts when booking opens and must close at least an hour before booking closes.",
                $"Anmodningsperioden for en regel med lodtrækning skal vare 1-{Math.Max(longest, 1)} minutter: den begynder, når bookingen åbner, og skal slutte mindst en time før bookingen lukker.");
        }
    }

    private static void CheckOverlap(ScheduleRule rule, IReadOnlyList<ScheduleRule> existing, FieldViolations violations)
    {
        var other = existing.FirstOrDefault(r => r.DepartmentId == rule.DepartmentId && Overlaps(rule, r));
        if (other is not null)
        {
            violations.Add("weekday", $"The rule overlaps the department's rule {other.Id}: both can fall on the same day at overlapping hours.",
                $"Reglen overlapper forvaltningens regel {other.Id}: de kan falde på samme dag på overlappende tidspunkter.");
        }
    }

    private static void Clock(FieldViolations violations, string field, ClockTime? time, string englishName, string danishName)
    {
        if (time is null)
        {
            violations.Add(field, $"Give {englishName} as hour and minute.", $"Angiv {danishName} som time og minut.");
        }
        else if (!time.Value.IsValid)
        {
            violations.Add(field, $"{Capitalise(englishName)} must be a time 00:00-23:59; it was hour {time.Value.Hour}, minute {time.Value.Minute}.",
                $"{Capitalise(danishName)} skal være et klokkeslæt 00:00-23:59; det var time {time.Value.Hour}, minut {time.Value.Minute}.");
        }
    }

    private static string Capitalise(string text) => string.Concat(text[..1].ToUpperInvariant(), text[1..]);
}
