using Civic.Hosting.Jobs;
using Civic.Hosting.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Civic.Hotline.Schedules;

/// <summary>
/// The daily job that turns every rule into dated sessions with slots, from this month up to
/// <see cref="SchedulingOptions.HorizonMonths"/> ahead. Idempotent: a session is identified by its
/// rule, the rule's version and the rule's day of the month (a unique index), so a second run, or two at once, add nothing twice.
/// </summary>
public sealed partial class SessionMaterialiser(
    HotlineDbContext db, TimeProvider timeProvider, IOptions<SchedulingOptions> options, ILogger<SessionMaterialiser> logger) : IRecurringJob
{
    public const string JobId = "hotline:materialise-sessions";

    public async Task RunAsync(CancellationToken cancellationToken) => await MaterialiseAsync(cancellationToken);

    /// <summary>Adds the sessions that are missing; returns how many.</summary>
    public Task<int> MaterialiseAsync(CancellationToken cancellationToken) => MaterialiseAsync(null, cancellationToken);

    /// <summary>Adds the sessions that are missing, of every rule that is not retired or of rule <paramref name="ruleId"/> only; returns how many.</summary>
    public async Task<int> MaterialiseAsync(string? ruleId, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetStoredUtcNow();
        var today = HotlineTime.Today(timeProvider);
        var firstMonth = new DateOnly(today.Year, today.Month, 1);
        var rules = await db.ScheduleRules.AsNoTracking().Where(r => r.RetiredAt == null && (ruleId == null || r.Id == ruleId)).ToListAsync(cancellationToken);
        var added = 0;
        foreach (var rule in rules)
        {
            // One session per rule and month: a month is taken by a session of this version of the rule (cancelled or
            // not) or by a live one an earlier version gave and a change kept. Sessions a change cancelled leave it free.
            var taken = (await db.Sessions.AsNoTracking()
                .Where(s => s.RuleId == rule.Id && s.NominalDate >= firstMonth && (s.RuleVersion == rule.Version || s.CancelledAt == null))
                .Select(s => s.NominalDate)
                .ToListAsync(cancellationToken)).Select(d => (d.Year, d.Month)).ToHashSet();
            for (var month = firstMonth; month < firstMonth.AddMonths(options.Value.HorizonMonths); month = month.AddMonths(1))
            {
                if (month < rule.ValidFrom || SessionPlanner.Plan(rule, month.Year, month.Month) is not { } plan
                    || taken.Contains((month.Year, month.Month)) || plan.EndsAt <= now)
                {
                    continue;
                }

                if (await TryAddAsync(rule, plan, now, cancellationToken))
                {
                    added++;
                }
            }
        }

        LogMaterialised(logger, added, rules.Count);
        return added;
    }

    // INSERT ... ON CONFLICT DO NOTHING (PostgreSQL and SQLite alike) rather than catching a duplicate key:
    // a concurrent run is expected, not an error, and the slots go in only with the session that won.
    private async Task<bool> TryAddAsync(ScheduleRule rule, PlannedSession plan, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7(now).ToString();
        var sqlite = db.Database.IsSqlite();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Only while the rule is still the version read above. On PostgreSQL the share lock makes a concurrent rule change
        // (which updates the row first) wait for this session, or this run wait for the change and then see the new
        // version; SQLite runs one writing transaction at a time anyway.
        var current = sqlite
            ? await db.Database.SqlQuery<int>($"SELECT version AS \"Value\" FROM schedule_rules WHERE id = {rule.Id} AND retired_at IS NULL").ToListAsync(cancellationToken)
            : await db.Database.SqlQuery<int>($"SELECT version AS \"Value\" FROM schedule_rules WHERE id = {rule.Id} AND retired_at IS NULL FOR SHARE").ToListAsync(cancellationToken);
        if (current is not [var version] || version != rule.Version)
        {
            return false;
        }

        var inserted = await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO sessions (id, department_id, rule_id, rule_version, nominal_date, date, starts_at, ends_at, booking_opens_at, booking_closes_at, created_at, request_window_closes_at)
            VALUES ({id}, {rule.DepartmentId}, {rule.Id}, {rule.Version}, {Stored(plan.NominalDate, sqlite)}, {Stored(plan.Date, sqlite)}, {Stored(plan.StartsAt, sqlite)},
                    {Stored(plan.EndsAt, sqlite)}, {Stored(plan.BookingOpensAt, sqlite)}, {Stored(plan.BookingClosesAt, sqlite)}, {Stored(now, sqlite)},
                    {(plan.RequestWindowClosesAt is { } closes ? Stored(closes, sqlite) : null)})
            ON CONFLICT (rule_id, rule_version, nominal_date) DO NOTHING
            """,
            cancellationToken);
        if (inserted == 0)
        {
            return false;
        }

        db.Slots.AddRange(plan.Slots.Select(s => new Slot
        {
            Id = Guid.CreateVersion7(now).ToString(), SessionId = id, StartsAt = s.StartsAt, EndsAt = s.EndsAt, Capacity = rule.ParallelLines,
        }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return true;
    }

    // Raw SQL bypasses EF's value converters, so values go in as each provider's columns keep them.
    private static object Stored(DateTimeOffset instant, bool sqlite) => sqlite ? instant.ToUnixTimeMilliseconds() : instant.ToUniversalTime();

    private static object Stored(DateOnly date, bool sqlite) => sqlite ? date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : date;

    [LoggerMessage(Level = LogLevel.Information, Message = "Materialised {Added} sessions from {Rules} schedule rules")]
    private static partial void LogMaterialised(ILogger logger, int added, int rules);
}
