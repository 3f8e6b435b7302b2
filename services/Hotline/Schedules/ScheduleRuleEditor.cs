using System.Globalization;
using System.Security.Claims;
using Civic.Defaults.Auth;
using Civic.Hosting.Errors;
using Civic.Hosting.Storage;
using Civic.Hotline.Bookings;
using Microsoft.EntityFrameworkCore;

namespace Civic.Hotline.Schedules;

/// <summary>How the caller wants a rule change made: the rule and etag they read, what to do with booked sessions, whether only to preview.</summary>
public sealed record RuleChangeOrder(string RuleId, string Etag, BookedSessionsPolicy? BookedSessions, string Reason, bool ValidateOnly);

/// <summary>A rule as changed (or as it would be), and what the change does to its coming sessions.</summary>
public sealed record RuleChangeResult(ScheduleRule Rule, RuleChangeImpact Impact, bool Applied);

/// <summary>
/// Changes and retires schedule rules without silently dropping a booking: every coming session of the rule gets a
/// <see cref="SessionFate"/>; sessions whose bookings no longer fit are kept or cancelled (through
/// <see cref="SessionCancellation"/>, so every citizen is told and may rebook with priority) as the administrator
/// chooses. A change names the rule's etag (its version) it read; the rule row is updated on that condition first, so
/// a concurrent change is refused and the materialiser cannot add a session of the old version meanwhile. Every change
/// is recorded with who made it.
/// </summary>
public sealed class ScheduleRuleEditor(
    HotlineDbContext db, SessionCancellation cancellation, SessionMaterialiser materialiser, TimeProvider timeProvider)
{
    public const int MaxReasonLength = SessionCancellation.MaxReasonLength;

    /// <summary>Told to citizens whose session a rule change cancels when the administrator gives no reason.</summary>
    public const string DefaultReason = "Forvaltningens faste telefontid på Direktørlinjen er ændret";

    public async Task<RuleChangeResult> UpdateAsync(ClaimsPrincipal caller, RuleChangeOrder order, NewScheduleRule settings, CancellationToken cancellationToken)
    {
        var current = await CurrentAsync(order, cancellationToken);
        var others = await db.ScheduleRules.AsNoTracking()
            .Where(r => r.DepartmentId == current.DepartmentId && r.Id != current.Id && r.RetiredAt == null)
            .ToListAsync(cancellationToken);
        var changed = ScheduleRules.Validate(settings with { DepartmentId = current.DepartmentId }, others, current.Id, current.CreatedAt);
        changed.Version = current.Version;
        changed.UpdatedAt = current.UpdatedAt;
        return await ChangeAsync(caller, order, current, changed, cancellationToken);
    }

    public async Task<RuleChangeResult> RetireAsync(ClaimsPrincipal caller, RuleChangeOrder order, CancellationToken cancellationToken) =>
        await ChangeAsync(caller, order, await CurrentAsync(order, cancellationToken), changed: null, cancellationToken);

    /// <summary>The department's rule changes, newest first.</summary>
    public async Task<IReadOnlyList<RuleChangeEntry>> ListChangesAsync(string departmentId, CancellationToken cancellationToken)
    {
        var id = departmentId.Trim();
        new FieldViolations().Required("department_id", id, "the department", "forvaltningen").ThrowIfAny();
        if (!await db.Departments.AsNoTracking().AnyAsync(d => d.Id == id, cancellationToken))
        {
            throw new NotFoundException($"No department has id '{id}'.", $"Der findes ingen forvaltning med id '{id}'.");
        }

        var changes = await db.RuleChanges.AsNoTracking().Where(c => c.DepartmentId == id).ToListAsync(cancellationToken);
        return changes.OrderByDescending(c => c.ChangedAt).ThenByDescending(c => c.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>The audit entry of a new rule, written with it.</summary>
    public void RecordCreated(ClaimsPrincipal caller, ScheduleRule rule) =>
        db.RuleChanges.Add(Entry(caller, rule, RuleChangeKind.Created, [], null, null, new RuleChangeImpact([], 0, 0)));

    private async Task<ScheduleRule> CurrentAsync(RuleChangeOrder order, CancellationToken cancellationToken)
    {
        var violations = new FieldViolations()
            .Required("rule_id", order.RuleId, "the rule", "reglen")
            .Required("etag", order.Etag, "the etag of the rule as you read it", "reglens etag, som du læste den")
            .MaxLength("reason", order.Reason.Trim(), MaxReasonLength, "the reason", "begrundelsen");
        violations.ThrowIfAny();
        var id = order.RuleId.Trim();
        var current = await db.ScheduleRules.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken)
            ?? throw new NotFoundException($"No schedule rule has id '{id}'.", $"Der findes ingen regel for telefontider med id '{id}'.");
        if (current.RetiredAt is not null)
        {
            throw new FailedPreconditionException("The rule is retired; it can no longer be changed or retired. Create a new rule instead.",
                "Reglen er udfaset og kan ikke længere ændres eller udfases. Opret en ny regel i stedet.");
        }

        if (order.Etag.Trim() != Etag(current))
        {
            throw Stale();
        }

        return current;
    }

    // changed: the rule as changed (with the current version), or null to retire it.
    private async Task<RuleChangeResult> ChangeAsync(ClaimsPrincipal caller, RuleChangeOrder order, ScheduleRule current, ScheduleRule? changed, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetStoredUtcNow();
        if (order.ValidateOnly)
        {
            var preview = SessionFates.Impact(changed, await ComingSessionsAsync(current.Id, now, cancellationToken));
            return new RuleChangeResult(changed ?? current, preview, Applied: false);
        }

        var version = current.Version + 1;
        var result = changed ?? current;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // First, so that a concurrent change (or materialisation) waits for this one or is refused.
        var rule = db.ScheduleRules.Where(r => r.Id == current.Id && r.Version == current.Version && r.RetiredAt == null);
        var claimed = changed is null
            ? await rule.ExecuteUpdateAsync(s => s.SetProperty(r => r.Version, version).SetProperty(r => r.RetiredAt, now).SetProperty(r => r.UpdatedAt, now), cancellationToken)
            : await UpdateRowAsync(rule, changed, version, now, cancellationToken);
        if (claimed == 0)
        {
            throw Stale();
        }

        // Read again under the rule's lock: what the preview showed may have changed since. The sessions are locked
        // first, so a booking landing now is counted, or finds its session gone (SessionLocks).
        await SessionLocks.LockComingOfRuleAsync(db, current.Id, now, cancellationToken);
        var sessions = await ComingSessionsAsync(current.Id, now, cancellationToken);
        var impact = SessionFates.Impact(changed, sessions);
        if (impact.Affected.Count > 0 && order.BookedSessions is null)
        {
            throw new ValidationException("booked_sessions",
                $"{impact.Affected.Count} coming session(s) with {impact.AffectedBookings} booking(s) no longer fit: choose whether to keep them as they are or cancel them (the citizens are told and may rebook with priority).",
                $"{impact.Affected.Count} kommende telefontid(er) med {impact.AffectedBookings} booking(er) passer ikke længere: vælg, om de skal beholdes, som de er, eller aflyses (borgerne får besked og fortrinsret til en ny tid).");
        }

        var reason = order.Reason.Trim() is { Length: > 0 } given ? given : DefaultReason;
        foreach (var (session, bookings) in sessions)
        {
            await ApplyAsync(session, SessionFates.Of(changed, session, bookings), changed, version, order.BookedSessions, reason, now, cancellationToken);
        }

        // Sessions cancelled before the change keep their month: the change does not bring back a session the municipality called off.
        // (Those an earlier change cancelled have an older version and keep leaving their month free.)
        await db.Sessions.Where(s => s.RuleId == current.Id && s.RuleVersion == current.Version && s.StartsAt > now && s.CancelledAt != null && s.CancelledAt < now)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RuleVersion, version), cancellationToken);
        result.Version = version;
        result.UpdatedAt = now;
        if (changed is null)
        {
            result.RetiredAt = now;
        }

        db.RuleChanges.Add(Entry(caller, result, changed is null ? RuleChangeKind.Retired : RuleChangeKind.Updated,
            changed is null ? [] : ScheduleRuleDiff.Between(current, changed), order.BookedSessions, impact.Affected.Count > 0 ? reason : null, impact));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        if (changed is not null)
        {
            await materialiser.MaterialiseAsync(current.Id, cancellationToken);
        }

        return new RuleChangeResult(result, impact, Applied: true);
    }

    private static Task<int> UpdateRowAsync(IQueryable<ScheduleRule> rule, ScheduleRule changed, int version, DateTimeOffset now, CancellationToken cancellationToken) =>
        rule.ExecuteUpdateAsync(s => s
            .SetProperty(r => r.WeekOfMonth, changed.WeekOfMonth).SetProperty(r => r.Weekday, changed.Weekday)
            .SetProperty(r => r.StartMinute, changed.StartMinute).SetProperty(r => r.EndMinute, changed.EndMinute)
            .SetProperty(r => r.SlotMinutes, changed.SlotMinutes).SetProperty(r => r.ParallelLines, changed.ParallelLines)
            .SetProperty(r => r.BookingOpensDaysBefore, changed.BookingOpensDaysBefore).SetProperty(r => r.BookingOpensMinute, changed.BookingOpensMinute)
            .SetProperty(r => r.BookingClosesHoursBefore, changed.BookingClosesHoursBefore).SetProperty(r => r.HolidayPolicy, changed.HolidayPolicy)
            .SetProperty(r => r.ValidFrom, changed.ValidFrom).SetProperty(r => r.Allocation, changed.Allocation)
            .SetProperty(r => r.RequestWindowMinutes, changed.RequestWindowMinutes)
            .SetProperty(r => r.Version, version).SetProperty(r => r.UpdatedAt, now), cancellationToken);

    private async Task ApplyAsync(
        Session session, SessionFate fate, ScheduleRule? changed, int version, BookedSessionsPolicy? policy, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var withHistory = fate == SessionFate.Replace && await db.Bookings.AnyAsync(b => b.SessionId == session.Id, cancellationToken);
        switch (fate)
        {
            case SessionFate.Replace when !withHistory:
                await db.Slots.Where(s => s.SessionId == session.Id).ExecuteDeleteAsync(cancellationToken);
                await db.Sessions.Where(s => s.Id == session.Id).ExecuteDeleteAsync(cancellationToken);
                break;
            case SessionFate.Replace:
                // Only bookings their citizens cancelled still point at it: it stays for their history, out of every list
                // and count as if removed (nobody is told; the municipality called nothing off).
                await db.Sessions.Where(s => s.Id == session.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.CancelledAt, now).SetProperty(x => x.ReplacedAt, now), cancellationToken);
                break;
            case SessionFate.Adjust:
                var plan = SessionPlanner.Plan(changed!, session.NominalDate.Year, session.NominalDate.Month)!;
                await db.Slots.Where(s => s.SessionId == session.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Capacity, changed!.ParallelLines), cancellationToken);
                await db.Sessions.Where(s => s.Id == session.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.RuleVersion, version).SetProperty(x => x.BookingOpensAt, plan.BookingOpensAt).SetProperty(x => x.BookingClosesAt, plan.BookingClosesAt), cancellationToken);
                break;
            case SessionFate.Affected when policy == BookedSessionsPolicy.Cancel:
                await cancellation.CancelWithinTransactionAsync(session.Id, reason, now, cancellationToken);
                break;
            default:
                // Kept as it is, now belonging to the changed rule, so its month gets no second session.
                await db.Sessions.Where(s => s.Id == session.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.RuleVersion, version), cancellationToken);
                break;
        }
    }

    /// <summary>The rule's sessions that have not begun and are not cancelled, each with its bookings, offers, waitlist entries and requests.</summary>
    private async Task<List<(Session Session, int Bookings)>> ComingSessionsAsync(string ruleId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var sessions = await db.Sessions.AsNoTracking().Include(s => s.Slots)
            .Where(s => s.RuleId == ruleId && s.StartsAt > now && s.CancelledAt == null)
            .OrderBy(s => s.StartsAt)
            .ToListAsync(cancellationToken);
        var ids = sessions.Select(s => s.Id).ToList();
        var counts = await db.Bookings.AsNoTracking()
            .Where(b => ids.Contains(b.SessionId)
                && (b.Status == BookingStatus.Booked || b.Status == BookingStatus.Offered || b.Status == BookingStatus.Waitlisted || b.Status == BookingStatus.Requested))
            .GroupBy(b => b.SessionId)
            .Select(g => new { SessionId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.SessionId, g => g.Count, cancellationToken);
        return sessions.Select(s => (s, counts.GetValueOrDefault(s.Id))).ToList();
    }

    private RuleChangeEntry Entry(
        ClaimsPrincipal caller, ScheduleRule rule, RuleChangeKind kind, IReadOnlyList<string> changes, BookedSessionsPolicy? policy, string? reason, RuleChangeImpact impact)
    {
        var now = timeProvider.GetStoredUtcNow();
        return new RuleChangeEntry
        {
            Id = Guid.CreateVersion7(now).ToString(), RuleId = rule.Id, DepartmentId = rule.DepartmentId, Kind = kind, Version = rule.Version,
            ChangedBy = caller.FindFirst(CivicClaims.Subject)?.Value ?? string.Empty, ChangedByName = caller.FindFirst(CivicClaims.Name)?.Value ?? string.Empty,
            ChangedAt = now, Changes = changes, BookedSessions = policy, Reason = reason,
            SessionsReplaced = impact.Replaced, SessionsAdjusted = impact.Adjusted, AffectedSessions = impact.Affected, AffectedBookings = impact.AffectedBookings,
        };
    }

    public static string Etag(ScheduleRule rule) => rule.Version.ToString(CultureInfo.InvariantCulture);

    private static ConcurrencyConflictException Stale() =>
        new("The rule was changed by someone else since you read it: reload it, look at the change, and make yours again.",
            "Reglen er blevet ændret af en anden, siden du hentede den: hent den igen, se ændringen, og foretag din igen.");
}
