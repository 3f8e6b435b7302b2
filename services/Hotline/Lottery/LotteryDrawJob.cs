using Civic.Hosting.Jobs;
using Civic.Hosting.Storage;
using Civic.Hotline.Bookings;
using Civic.Hotline.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Civic.Hotline.Lottery;

/// <summary>
/// Every minute: draws each lottery session whose request window has closed. A draw runs in one transaction that
/// first claims the session (drawn_at set by a conditional update, with the seed), so a second run, or two at once,
/// draw nothing again. Winners take their seat by the same conditional capacity update as a booking and get the
/// booking confirmation; everyone else goes on the session's waitlist and is told so. Each request keeps its place in
/// the draw: the waitlist job offers freed seats to the losers in that order, each only a time they said they could
/// make. After the draw the session is booked first come, first served.
/// </summary>
public sealed partial class LotteryDrawJob(
    HotlineDbContext db, NotificationOutbox outbox, IDrawSeedSource seeds, PhoneAllowances allowances, TimeProvider timeProvider, ILogger<LotteryDrawJob> logger) : IRecurringJob
{
    public const string JobId = "hotline:lottery-draws";

    public async Task RunAsync(CancellationToken cancellationToken) => await DrawDueAsync(cancellationToken);

    /// <summary>Draws every session due now; returns how many this run drew.</summary>
    public async Task<int> DrawDueAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetStoredUtcNow();
        var due = await db.Sessions.AsNoTracking()
            .Where(s => s.RequestWindowClosesAt <= now && s.DrawnAt == null && s.CancelledAt == null)
            .OrderBy(s => s.RequestWindowClosesAt).Select(s => s.Id).ToListAsync(cancellationToken);
        var drawn = 0;
        foreach (var sessionId in due)
        {
            drawn += await TryDrawAsync(sessionId, now, cancellationToken) ? 1 : 0;
        }

        return drawn;
    }

    private async Task<bool> TryDrawAsync(string sessionId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var seed = seeds.NextSeed();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.Sessions.Where(s => s.Id == sessionId && s.DrawnAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.DrawnAt, now).SetProperty(x => x.DrawSeed, unchecked((long)seed)), cancellationToken);
        if (claimed == 0)
        {
            return false;
        }

        var session = await db.Sessions.AsNoTracking().Include(s => s.Slots).SingleAsync(s => s.Id == sessionId, cancellationToken);
        var requests = await db.Bookings.Where(b => b.SessionId == sessionId && b.Status == BookingStatus.Requested).ToListAsync(cancellationToken);
        var entries = await EntriesAsync(requests, cancellationToken);
        var seatsLeft = await allowances.LeftAsync(requests.Select(r => r.Phone).ToList(), session.DepartmentId, session.Month, cancellationToken);
        var outcome = LotteryDraw.Draw(seed, entries, session.Slots.ToDictionary(s => s.Id, s => s.Capacity - s.Booked), phone => seatsLeft.GetValueOrDefault(phone));

        var slots = session.Slots.ToDictionary(s => s.Id);
        var positions = outcome.Order.Select((id, position) => (id, position)).ToDictionary(p => p.id, p => p.position, StringComparer.Ordinal);
        foreach (var request in requests)
        {
            request.DrawPosition = positions[request.Id];
            if (outcome.Won.TryGetValue(request.Id, out var slotId))
            {
                var taken = await db.Slots.Where(s => s.Id == slotId && s.Booked < s.Capacity)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.Booked, x => x.Booked + 1), cancellationToken);
                if (taken == 0)
                {
                    // Seats only change under the session's claim, so this means the data changed under us: try again next run.
                    throw new InvalidOperationException($"Slot {slotId} had no free seat for the draw of session {sessionId}; the draw is rolled back.");
                }

                request.Status = BookingStatus.Booked;
                request.SlotId = slotId;
                request.SlotStartsAt = slots[slotId].StartsAt;
                outbox.BookingConfirmed(request, slots[slotId]);
            }
            else
            {
                request.Status = BookingStatus.Waitlisted;
                outbox.LotteryLost(request, session);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        LogDrawn(logger, sessionId, requests.Count, outcome.Won.Count, seed);
        return true;
    }

    /// <summary>The requests as the draw sees them, each with its acceptable slots in the citizen's order.</summary>
    public async Task<IReadOnlyList<LotteryEntry>> EntriesAsync(IReadOnlyList<Booking> requests, CancellationToken cancellationToken)
    {
        var ids = requests.Select(r => r.Id).ToList();
        var acceptable = (await db.RequestedSlots.AsNoTracking().Where(r => ids.Contains(r.BookingId)).ToListAsync(cancellationToken))
            .ToLookup(r => r.BookingId);
        return requests.Select(r => new LotteryEntry(r.Id, r.Phone, acceptable[r.Id].OrderBy(a => a.Position).Select(a => a.SlotId).ToList())).ToList();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Drew the lottery of session {SessionId}: {Requests} requests, {Won} seats given (seed {Seed})")]
    private static partial void LogDrawn(ILogger logger, string sessionId, int requests, int won, ulong seed);
}
