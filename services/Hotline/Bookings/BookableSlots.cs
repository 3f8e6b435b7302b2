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
        var found = await db.Slots.AsNoTracking().Where(s => s.Id == slotId)
                .Join(db.Sessions.AsNoTracking(), s => s.SessionId, s => s.Id, (slot, session) => new { slot, session })
                .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException($"No slot has id '{slotId}'. List the department's sessions to choose a slot.",
                $"Der findes ingen samtaletid med id '{slotId}'. Se forvaltningens telefontider for at vælge en tid.");
        var (slot, session) = (found.slot, found.session);
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
    /// Inside the transaction that will add or move a booking into the session: holds it against a change that would
    /// remove or cancel it meanwhile (<see cref="SessionLocks"/>). The caller has seen the session exist, so a missing
    /// row means a rule change removed it just now: the citizen is asked to choose again (ABORTED).
    /// </summary>
    public async Task HoldSessionAsync(string sessionId, CancellationToken cancellationToken)
    {
        if (!await SessionLocks.HoldForBookingAsync(db, sessionId, cancellationToken))
        {
            throw new ConcurrencyConflictException(
                "The municipality changed this session's times just now; look at the department's times again and choose one.",
                "Kommunen har netop ændret tiderne i denne telefontid; se forvaltningens tider igen, og vælg en ny.");
        }
    }
}
