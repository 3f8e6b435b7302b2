namespace Civic.Hotline.Schedules;

/// <summary>What a rule change does to one coming session of the rule.</summary>
public enum SessionFate
{
    /// <summary>No bookings: removed; a changed rule gives the month's session again.</summary>
    Replace = 1,

    /// <summary>Bookings that the changed rule still holds (same day and slot times, enough lines): lines and booking window are updated in place.</summary>
    Adjust = 2,

    /// <summary>Bookings that no longer fit (or the rule is retired): kept or cancelled, as the administrator chooses.</summary>
    Affected = 3,
}

/// <summary>
/// Decides each coming session's <see cref="SessionFate"/> under a changed (or retired) rule. Plain C#, so the
/// rules of "never silently drop a booking" are tested without a database.
/// </summary>
public static class SessionFates
{
    /// <param name="changed">The rule as changed; null when it is retired.</param>
    /// <param name="session">A coming, not cancelled session of the rule, with its slots.</param>
    /// <param name="bookings">Its bookings, offers, waitlist entries and lottery requests.</param>
    public static SessionFate Of(ScheduleRule? changed, Session session, int bookings)
    {
        if (bookings == 0)
        {
            return SessionFate.Replace;
        }

        var month = new DateOnly(session.NominalDate.Year, session.NominalDate.Month, 1);
        if (changed is null || month < changed.ValidFrom || SessionPlanner.Plan(changed, month.Year, month.Month) is not { } plan)
        {
            return SessionFate.Affected;
        }

        var slots = session.Slots.OrderBy(s => s.StartsAt).Select(s => (s.StartsAt, s.EndsAt));
        var fits = plan.Date == session.Date
            && slots.SequenceEqual(plan.Slots)
            && session.Slots.All(s => s.Booked <= changed.ParallelLines)
            // A lottery whose request window moves or appears would change what requesting citizens were told.
            && plan.RequestWindowClosesAt == session.RequestWindowClosesAt;
        return fits ? SessionFate.Adjust : SessionFate.Affected;
    }

    /// <summary>The impact of the fates of <paramref name="sessions"/> (each with its booking count).</summary>
    public static RuleChangeImpact Impact(ScheduleRule? changed, IEnumerable<(Session Session, int Bookings)> sessions)
    {
        var fates = sessions.Select(s => (s.Session, s.Bookings, Fate: Of(changed, s.Session, s.Bookings))).ToList();
        return new RuleChangeImpact(
            fates.Where(f => f.Fate == SessionFate.Affected).Select(f => new AffectedSession(f.Session.Id, f.Session.Date, f.Session.StartsAt, f.Bookings)).ToList(),
            fates.Count(f => f.Fate == SessionFate.Replace),
            fates.Count(f => f.Fate == SessionFate.Adjust));
    }
}
