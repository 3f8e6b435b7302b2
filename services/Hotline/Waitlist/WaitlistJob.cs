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
/// session to the first on its waitlist who can take that time (<see cref="WaitingInTurnAsync"/>), taking the seat for the offer (a conditional update, as booking does)
/// until it is accepted or lapses. Idempotent: each step is a conditional update on the entry's status.
/// </summary>
public sealed partial class WaitlistJob(
    HotlineDbContext db, SlotHolds holds, PhoneAllowances allowances, NotificationOutbox outbox, IOptions<WaitlistOptions> options, TimeProvider timeProvider, ILogger<WaitlistJob> logger) : IRecurringJob
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
            var waiting = await WaitingInTurnAsync(session, cancellationToken);
            var expiresAt = Min(now + options.Value.OfferLifetime, session.BookingClosesAt);
            foreach (var slot in coming)
            {
                var free = slot.Capacity - slot.Booked - held.GetValueOrDefault(slot.Id);
                while (free > 0 && waiting.FindIndex(w => w.Accepts(slot.Id)) is var next and >= 0)
                {
                    var entry = waiting[next].Entry;
                    waiting.RemoveAt(next);
                    var result = await TryOfferAsync(entry, slot.Id, slot.StartsAt, expiresAt, cancellationToken);
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

    /// <summary>
    /// The session's waitlist in turn: those who lost its lottery first, in the draw's order (they asked in the request
    /// window; how fast they asked plays no part), each with the times they said they could make; then those who joined
    /// the list later, in the order they joined, who take any time. A phone number whose monthly limits are used up
    /// (booked elsewhere meanwhile) is passed over: it could not accept the offer.
    /// </summary>
    private async Task<List<WaitingEntry>> WaitingInTurnAsync(Schedules.Session session, CancellationToken cancellationToken)
    {
        var listed = await db.Bookings.AsNoTracking().Where(b => b.SessionId == session.Id && b.Status == BookingStatus.Waitlisted).ToListAsync(cancellationToken);
        var left = await allowances.LeftAsync(listed.Select(e => e.Phone).ToList(), session.DepartmentId, session.Month, cancellationToken);
        var entries = listed.Where(e => left[e.Phone] > 0).ToList();
        var ids = entries.Select(e => e.Id).ToList();
        var acceptable = (await db.RequestedSlots.AsNoTracking().Where(r => ids.Contains(r.BookingId)).ToListAsync(cancellationToken)).ToLookup(r => r.BookingId, r => r.SlotId);
        return entries
            .OrderBy(e => e.DrawPosition is null).ThenBy(e => e.DrawPosition).ThenBy(e => e.CreatedAt).ThenBy(e => e.Id, StringComparer.Ordinal)
            .Select(e => new WaitingEntry(e, acceptable[e.Id].ToHashSet(StringComparer.Ordinal)))
            .ToList();
    }

    /// <summary>A waitlist entry and the slots it can take (none named: any).</summary>
    private sealed record WaitingEntry(Booking Entry, IReadOnlySet<string> AcceptableSlotIds)
    {
        public bool Accepts(string slotId) => AcceptableSlotIds.Count == 0 || AcceptableSlotIds.Contains(slotId);
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
