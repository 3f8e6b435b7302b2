using Microsoft.EntityFrameworkCore;

namespace Civic.Network.Capacity;

/// <summary>
/// Books approved hours against a person's monthly capacity. A booking is one conditional UPDATE
/// ("add these hours only if the month then stays within capacity"), which the database applies
/// atomically: concurrent approvals are serialised on the month's row and can never pass the budget.
/// </summary>
public sealed class CapacityLedger(NetworkDbContext db)
{
    /// <summary>Books <paramref name="hours"/> in <paramref name="month"/>, within the caller's transaction; false when they do not fit.</summary>
    public async Task<bool> TryBookAsync(string personId, string month, int hours, int capacity, CancellationToken cancellationToken)
    {
        // Written first, so that SQLite takes its write lock at once rather than upgrading a read lock (which can deadlock).
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO capacity_months (person_id, month, booked_hours) VALUES ({0}, {1}, 0) ON CONFLICT (person_id, month) DO NOTHING",
            [personId, month], cancellationToken);
        var booked = await db.CapacityMonths
            .Where(m => m.PersonId == personId && m.Month == month && m.BookedHours + hours <= capacity)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.BookedHours, m => m.BookedHours + hours), cancellationToken);
        return booked == 1;
    }

    /// <summary>Hours booked for the person in the month.</summary>
    public async Task<int> BookedAsync(string personId, string month, CancellationToken cancellationToken) =>
        await db.CapacityMonths.AsNoTracking().Where(m => m.PersonId == personId && m.Month == month).Select(m => m.BookedHours).SingleOrDefaultAsync(cancellationToken);
}
