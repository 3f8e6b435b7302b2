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
    /// <summary>Holds the session for a booking until the transaction ends; false when the session no longer exists.</summary>
    public static async Task<bool> HoldForBookingAsync(HotlineDbContext db, string sessionId, CancellationToken cancellationToken) =>
        !db.Database.IsNpgsql()
        || (await db.Database.SqlQuery<string>($"SELECT id AS \"Value\" FROM sessions WHERE id = {sessionId} FOR KEY SHARE").ToListAsync(cancellationToken)).Count > 0;

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
