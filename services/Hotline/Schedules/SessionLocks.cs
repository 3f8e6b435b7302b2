using Microsoft.EntityFrameworkCore;

namespace Civic.Hotline.Schedules;

/// <summary>
/// Row locks that order bookings against changes of their session, on PostgreSQL (SQLite runs one writing transaction
/// at a time anyway). A booking holds its session with the key-share lock its foreign key would take anyway, but before
/// it reads the session; a change that removes or cancels sessions (a rule change, a cancellation) locks them for update
/// before it reads their bookings. So the change waits for a booking in flight and sees it, or the booking waits for the
/// change and sees its result — never a booking pointing at a removed session (a foreign-key error) or left booked in a
/// cancelled session without being told.
/// </summary>
public static class SessionLocks
{
    /// <summary>
    /// The session, held for a booking until the transaction ends once the query runs (empty when it no longer exists);
    /// compose it into the query that reads what the booking needs, so holding costs no round trip of its own.
    /// </summary>
    public static IQueryable<Session> HeldForBooking(HotlineDbContext db, string sessionId) =>
        db.Database.IsNpgsql()
            ? db.Sessions.FromSql($"SELECT * FROM sessions WHERE id = {sessionId} FOR KEY SHARE")
            : db.Sessions.Where(s => s.Id == sessionId);

    /// <summary>Locks one session for a change until the transaction ends.</summary>
    public static async Task LockForChangeAsync(HotlineDbContext db, string sessionId, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.SqlQuery<string>($"SELECT id AS \"Value\" FROM sessions WHERE id = {sessionId} FOR UPDATE").ToListAsync(cancellationToken);
        }
    }

    /// <summary>Locks a rule's coming, not cancelled sessions for a change until the transaction ends.</summary>
    public static async Task LockComingOfRuleAsync(HotlineDbContext db, string ruleId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            // In id order, so two changes never wait for each other's sessions in opposite orders.
            await db.Database.SqlQuery<string>(
                    $"SELECT id AS \"Value\" FROM sessions WHERE rule_id = {ruleId} AND starts_at > {now} AND cancelled_at IS NULL ORDER BY id FOR UPDATE")
                .ToListAsync(cancellationToken);
        }
    }
}
