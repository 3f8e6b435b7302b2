using Civic.Hosting.Jobs;
using Civic.Hosting.Storage;
using Civic.Hotline.Bookings;
using Civic.Hotline.Holds;
using Civic.Hotline.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Civic.Hotline.Waitlist;

/// <summary>
/// Every minute: lapses waitlist offers whose time is up (their seat is freed) and offers every free seat of a
/// session to the first on its waitlist, taking the seat for the offer (a conditional update, as booking does)
/// until it is accepted or lapses. Idempotent: each step is a conditional update on the entry's status.
/// </summary>
public sealed partial class WaitlistJob(
    HotlineDbContext db, SlotHolds holds, NotificationOutbox outbox, IOptions<WaitlistOptions> options, TimeProvider timeProvider, ILogger<WaitlistJob> logger) : IRecurringJob
{
    public const string JobId = "hotline:waitlist";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var lapsed = await LapseOffersAsync(cancellationToken);
        var offered = await OfferFreedSeatsAsync(cancellationToken);
        if (lapsed + offered > 0)
        {
            LogRun(logger, lapsed, offered);
        }
    }

    public async Task<int> LapseOffersAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetStoredUtcNow();
        var due = await db.Bookings.AsNoTracking().Where(b => b.Status == BookingStatus.Offered && b.OfferExpiresAt <= now).ToListAsync(cancellationToken);
        var lapsed = 0;
        foreach (var entry in due)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var changed = await db.Bookings.Where(b => b.Id == entry.Id && b.Status == BookingStatus.Offered)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, BookingStatus.Cancelled).SetProperty(b => b.CancelledAt, now), cancellationToken);
            if (changed == 1)
            {
                await db.Slots.Where(s => s.Id == entry.SlotId && s.Booked > 0).ExecuteUpdateAsync(s => s.SetProperty(x => x.Booked, x => x.Booked - 1), cancellationToken);
                outbox.WaitlistOfferLapsed(entry);
                await db.SaveChangesAsync(cancellationToken);
                lapsed++;
            }

            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        return lapsed;
    }

    public async Task<int> OfferFreedSeatsAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetStoredUtcNow();
        var sessionIds = await db.Bookings.AsNoTracking().Where(b => b.Status == BookingStatus.Waitlisted).Select(b => b.SessionId).Distinct().ToListAsync(cancellationToken);
        var offered = 0;
        foreach (var sessionId in sessionIds)
        {
            var session = await db.Sessions.AsNoTracking().Include(s => s.Slots).SingleAsync(s => s.Id == sessionId, cancellationToken);
            if (session.CancelledAt is not null || session.BookingClosesAt <= now)
            {
                continue;
            }

            var coming = session.Slots.Where(s => s.StartsAt > now).OrderBy(s => s.StartsAt).ToList();
            var held = await holds.CountAsync(coming.Select(s => s.Id).ToList());
            var waiting = new Queue<Booking>(await db.Bookings.AsNoTracking()
                .Where(b => b.SessionId == sessionId && b.Status == BookingStatus.Waitlisted)
                .OrderBy(b => b.CreatedAt).ThenBy(b => b.Id).ToListAsync(cancellationToken));
            var expiresAt = Min(now + options.Value.OfferLifetime, session.BookingClosesAt);
            foreach (var slot in coming)
            {
                var free = slot.Capacity - slot.Booked - held.GetValueOrDefault(slot.Id);
                while (free > 0 && waiting.Count > 0)
                {
                    var result = await TryOfferAsync(waiting.Dequeue(), slot.Id, slot.StartsAt, expiresAt, cancellationToken);
                    if (result is null)
                    {
                        break;
                    }

                    if (result.Value)
                    {
                        free--;
                        offered++;
                    }
                }
            }
        }

        return offered;
    }

    /// <summary>True: offered; false: the entry changed meanwhile (try the next); null: the slot is full after all.</summary>
    private async Task<bool?> TryOfferAsync(Booking entry, string slotId, DateTimeOffset slotStartsAt, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var taken = await db.Slots.Where(s => s.Id == slotId && s.Booked < s.Capacity).ExecuteUpdateAsync(s => s.SetProperty(x => x.Booked, x => x.Booked + 1), cancellationToken);
        if (taken == 0)
        {
            return null;
        }

        var changed = await db.Bookings.Where(b => b.Id == entry.Id && b.Status == BookingStatus.Waitlisted)
            .ExecuteUpdateAsync(
                s => s.SetProperty(b => b.Status, BookingStatus.Offered).SetProperty(b => b.SlotId, slotId)
                    .SetProperty(b => b.SlotStartsAt, slotStartsAt).SetProperty(b => b.OfferExpiresAt, expiresAt),
                cancellationToken);
        if (changed == 0)
        {
            // Someone else (a concurrent run, or the citizen leaving the list) changed the entry: give the seat back.
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        entry.SlotId = slotId;
        entry.SlotStartsAt = slotStartsAt;
        outbox.WaitlistOffer(entry, expiresAt);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return true;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    [LoggerMessage(Level = LogLevel.Information, Message = "Waitlist: {Lapsed} offers lapsed, {Offered} seats offered")]
    private static partial void LogRun(ILogger logger, int lapsed, int offered);
}
