using Civic.Hosting.Errors;
using Civic.Hotline.Schedules;
using Microsoft.EntityFrameworkCore;

namespace Civic.Hotline.Bookings;

/// <summary>Finds a slot a citizen may book (or hold) now, or says why not.</summary>
public sealed class BookableSlots(HotlineDbContext db)
{
    /// <summary>The slot and its session; <paramref name="ignoreOpening"/>: a priority rebooking may take a slot whose session has not opened for booking yet.</summary>
    public async Task<(Slot Slot, Session Session)> FindAsync(string slotId, DateTimeOffset now, CancellationToken cancellationToken, bool ignoreOpening = false)
    {
        var found = await SlotWithSession(slotId, db.Sessions).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException($"No slot has id '{slotId}'. List the department's sessions to choose a slot.",
                $"Der findes ingen samtaletid med id '{slotId}'. Se forvaltningens telefontider for at vælge en tid.");
        return Bookable(found.Slot, found.Session, now, ignoreOpening);
    }

    /// <summary>
    /// For a new booking: the slot and its session read together with whether the idempotency key has been used, in one
    /// round trip — when a popular window opens, nearly every attempt ends here on a full slot. Null when the key has been
    /// used or the slot is not found: the caller replays the earlier booking or asks <see cref="FindAsync"/> why not.
    /// </summary>
    public async Task<(Slot Slot, Session Session)?> FindForNewBookingAsync(string slotId, string idempotencyKey, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var found = await SlotWithSession(slotId, db.Sessions)
            .Select(s => new { s.Slot, s.Session, KeyUsed = db.Bookings.Any(b => b.IdempotencyKey == idempotencyKey) })
            .SingleOrDefaultAsync(cancellationToken);
        return found is null || found.KeyUsed ? null : Bookable(found.Slot, found.Session, now, ignoreOpening: false);
    }

    /// <summary>
    /// Inside the transaction that will add or move a booking into the slot's session: reads the slot again and holds its
    /// session against a change that would remove or cancel it meanwhile (<see cref="SessionLocks"/>), in one round trip.
    /// The caller has seen the slot (<see cref="FindAsync"/>), so a missing row means a rule change removed it just now:
    /// the citizen is asked to choose again (ABORTED).
    /// </summary>
    public async Task<(Slot Slot, Session Session)> FindHeldAsync(
        (Slot Slot, Session Session) seen, DateTimeOffset now, CancellationToken cancellationToken, bool ignoreOpening = false)
    {
        var found = await SlotWithSession(seen.Slot.Id, SessionLocks.HeldForBooking(db, seen.Session.Id)).SingleOrDefaultAsync(cancellationToken)
            ?? throw SessionChangedMeanwhile();
        return Bookable(found.Slot, found.Session, now, ignoreOpening);
    }

    private IQueryable<SlotInSession> SlotWithSession(string slotId, IQueryable<Session> sessions) =>
        db.Slots.AsNoTracking().Where(s => s.Id == slotId)
            .Join(sessions.AsNoTracking(), s => s.SessionId, s => s.Id, (slot, session) => new SlotInSession(slot, session));

    private static (Slot Slot, Session Session) Bookable(Slot slot, Session session, DateTimeOffset now, bool ignoreOpening)
    {
        if (session.CancelledAt is not null)
        {
            throw new FailedPreconditionException("The session is cancelled; choose a time in another session.", "Telefontiden er aflyst; vælg en tid i en anden telefontid.");
        }

        if (slot.StartsAt <= now)
        {
            throw new FailedPreconditionException("The slot is in the past; choose a coming time.", "Tiden er overstået; vælg en kommende tid.");
        }

        if (now < session.BookingOpensAt && !ignoreOpening)
        {
            var opens = TimeZoneInfo.ConvertTime(session.BookingOpensAt, HotlineTime.Zone);
            throw new FailedPreconditionException($"Booking for this session opens {opens:yyyy-MM-dd HH:mm} (Danish time).",
                $"Booking til denne telefontid åbner {opens:dd-MM-yyyy 'kl.' HH:mm}.");
        }

        if (now >= session.BookingClosesAt)
        {
            throw new FailedPreconditionException("Booking for this session has closed; choose a later session.", "Bookingen til denne telefontid er lukket; vælg en senere telefontid.");
        }

        if (session.AwaitsDraw)
        {
            var closes = TimeZoneInfo.ConvertTime(session.RequestWindowClosesAt!.Value, HotlineTime.Zone);
            throw now < session.RequestWindowClosesAt
                ? new FailedPreconditionException(
                    $"This session's seats are drawn by lottery: ask for the times you can accept until {closes:yyyy-MM-dd HH:mm} (Danish time); booking directly opens after the draw.",
                    $"Tiderne i denne telefontid fordeles ved lodtrækning: bed om de tider, du kan, indtil {closes:dd-MM-yyyy 'kl.' HH:mm}. Direkte booking åbner efter lodtrækningen.")
                : new FailedPreconditionException("The lottery for this session is being drawn; booking opens for the remaining seats in a few minutes.",
                    "Der trækkes lod om tiderne i denne telefontid; de resterende tider kan bookes om få minutter.");
        }

        return (slot, session);
    }

    /// <summary>
    /// Inside the transaction that will add a booking to the session (without a slot yet): holds it as
    /// <see cref="FindHeldAsync"/> does.
    /// </summary>
    public async Task HoldSessionAsync(string sessionId, CancellationToken cancellationToken)
    {
        if (!await SessionLocks.HeldForBooking(db, sessionId).AnyAsync(cancellationToken))
        {
            throw SessionChangedMeanwhile();
        }
    }

    private static ConcurrencyConflictException SessionChangedMeanwhile() =>
        new("The municipality changed this session's times just now; look at the department's times again and choose one.",
            "Kommunen har netop ændret tiderne i denne telefontid; se forvaltningens tider igen, og vælg en ny.");

    private sealed record SlotInSession(Slot Slot, Session Session);
}
