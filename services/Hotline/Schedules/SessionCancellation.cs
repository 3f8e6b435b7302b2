using System.Security.Claims;
using Civic.Hosting.Errors;
using Civic.Hosting.Storage;
using Civic.Hotline.Bookings;
using Civic.Hotline.Calls;
using Civic.Hotline.Notifications;
using Civic.Hotline.Waitlist;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Civic.Hotline.Schedules;

/// <summary>
/// The municipality cancels a session (the director is ill): in one transaction the session is marked, every
/// booking, offer and waitlist entry in it is cancelled, its seats are emptied, and every citizen is told why;
/// those who had a seat get a priority window to rebook through their manage link.
/// </summary>
public sealed class SessionCancellation(
    HotlineDbContext db, DepartmentScope scope, NotificationOutbox outbox, IOptions<WaitlistOptions> options, TimeProvider timeProvider)
{
    public const int MinReasonLength = 3;
    public const int MaxReasonLength = 500;

    public async Task<(Session Session, int Cancelled)> CancelAsync(ClaimsPrincipal caller, string sessionId, string reason, CancellationToken cancellationToken)
    {
        var why = reason.Trim();
        var violations = new FieldViolations().Required("session_id", sessionId, "the session", "telefontiden").Required("reason", why, "a reason the citizens are told", "en begrundelse til borgerne");
        if (why.Length is > 0 and < MinReasonLength)
        {
            violations.Add("reason", $"Give a reason of at least {MinReasonLength} characters; the citizens are told it.", $"Skriv en begrundelse på mindst {MinReasonLength} tegn; borgerne får den at vide.");
        }

        violations.MaxLength("reason", why, MaxReasonLength, "the reason", "begrundelsen").ThrowIfAny();
        var id = sessionId.Trim();
        var session = await db.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken)
            ?? throw new NotFoundException($"No session has id '{id}'.", $"Der findes ingen telefontid med id '{id}'.");
        await scope.ResolveAsync(caller, session.DepartmentId, cancellationToken);
        var now = timeProvider.GetStoredUtcNow();
        if (session.CancelledAt is not null)
        {
            return (await WithSlotsAsync(id, cancellationToken), 0);
        }

        if (session.StartsAt <= now)
        {
            throw new FailedPreconditionException("The session has begun or is over; it can no longer be cancelled.", "Telefontiden er begyndt eller overstået og kan ikke længere aflyses.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var cancelled = await CancelWithinTransactionAsync(id, why, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (await WithSlotsAsync(id, cancellationToken), cancelled);
    }

    /// <summary>
    /// Cancels session <paramref name="sessionId"/> unless it is cancelled already, in the caller's open transaction
    /// (a rule change cancels sessions in its own): bookings, offers, waitlist entries and requests are cancelled, every
    /// citizen is told <paramref name="reason"/>, those who had a seat get the priority window. Returns how many were cancelled.
    /// </summary>
    public async Task<int> CancelWithinTransactionAsync(string sessionId, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // First, so a booking landing now is cancelled and told with the others, or finds the session cancelled.
        await SessionLocks.LockForChangeAsync(db, sessionId, cancellationToken);
        var marked = await db.Sessions.Where(s => s.Id == sessionId && s.CancelledAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.CancelledAt, now).SetProperty(x => x.CancelReason, reason), cancellationToken);
        if (marked == 0)
        {
            return 0;
        }

        var rebookUntil = now + options.Value.PriorityRebookWindow;
        var affected = await db.Bookings.AsNoTracking()
            .Where(b => b.SessionId == sessionId && (b.Status == BookingStatus.Booked || b.Status == BookingStatus.Offered || b.Status == BookingStatus.Waitlisted || b.Status == BookingStatus.Requested))
            .ToListAsync(cancellationToken);
        foreach (var booking in affected)
        {
            // Only those who had a seat get priority; a waitlist entry is told the session is off.
            DateTimeOffset? priority = booking.Status is BookingStatus.Waitlisted or BookingStatus.Requested ? null : rebookUntil;
            await db.Bookings.Where(b => b.Id == booking.Id && b.Status == booking.Status)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, BookingStatus.Cancelled).SetProperty(b => b.CancelledAt, now).SetProperty(b => b.RebookUntil, priority), cancellationToken);
            outbox.SessionCancelled(booking, reason, priority);
        }

        await db.Slots.Where(s => s.SessionId == sessionId).ExecuteUpdateAsync(s => s.SetProperty(x => x.Booked, 0), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return affected.Count;
    }

    private async Task<Session> WithSlotsAsync(string id, CancellationToken cancellationToken)
    {
        var session = await db.Sessions.AsNoTracking().Include(s => s.Slots).SingleAsync(s => s.Id == id, cancellationToken);
        session.Slots.Sort((a, b) => a.StartsAt.CompareTo(b.StartsAt));
        return session;
    }
}
