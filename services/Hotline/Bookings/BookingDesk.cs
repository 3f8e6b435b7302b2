using Civic.Hosting.Errors;
using Civic.Hosting.Storage;
using Civic.Hotline.Holds;
using Civic.Hotline.Ideas;
using Civic.Hotline.Notifications;
using Civic.Hotline.Schedules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Civic.Hotline.Bookings;

/// <summary>A booking with the slot it holds and the ideas registered from its call.</summary>
public sealed record BookingView(Booking Booking, Slot Slot, IReadOnlyList<Idea> Ideas);

/// <summary>A booking just made (or found again by its idempotency key) with its manage token.</summary>
public sealed record BookingReceipt(BookingView View, string ManageToken, bool Replayed);

/// <summary>
/// Books, shows, cancels and reschedules calls. Every change runs in one transaction whose seat count is
/// a conditional update (booked = booked + 1 where booked &lt; capacity), so a slot never holds more
/// bookings than its capacity, whatever runs at the same time; a database check holds the same line.
/// On PostgreSQL, transaction-scoped advisory locks on the idempotency key and the phone number make the
/// retry and per-phone checks race-free; SQLite serialises writing transactions anyway.
/// </summary>
public sealed class BookingDesk(
    HotlineDbContext db, ManageTokens tokens, BookableSlots slots, SlotHolds holds, NotificationOutbox outbox, IOptions<BookingOptions> options, TimeProvider timeProvider)
{
    public async Task<BookingReceipt> CreateAsync(NewBooking request, CancellationToken cancellationToken)
    {
        var valid = BookingRules.Validate(request);
        var now = timeProvider.GetStoredUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await LockAsync("idempotency:" + valid.IdempotencyKey, cancellationToken);
        await LockAsync("phone:" + valid.Phone, cancellationToken);
        var earlier = await db.Bookings.AsNoTracking().SingleOrDefaultAsync(b => b.IdempotencyKey == valid.IdempotencyKey, cancellationToken);
        if (earlier is not null)
        {
            if (earlier.Phone != valid.Phone || earlier.Name != valid.Name)
            {
                throw new ValidationException("idempotency_key", "This idempotency key was used for another booking; send a new key for a new booking.",
                    "Idempotensnøglen er brugt til en anden booking; send en ny nøgle for en ny booking.");
            }

            return new BookingReceipt(await ViewAsync(earlier, cancellationToken), tokens.TokenFor(earlier.Id), Replayed: true);
        }

        var (slot, session) = await slots.FindAsync(valid.SlotId, now, cancellationToken);
        var month = MonthOf(session);
        await CheckLimitsAsync(valid.Phone, session.DepartmentId, month, exceptBookingId: null, cancellationToken);
        await holds.EnsureNotHeldByOthersAsync(slot, request.HoldId, now);
        await TakeSeatAsync(slot, cancellationToken);
        var id = Guid.CreateVersion7(now).ToString();
        var booking = new Booking
        {
            Id = id,
            Reference = BookingReferences.New(),
            ManageTokenHash = ManageTokens.Hash(tokens.TokenFor(id)),
            IdempotencyKey = valid.IdempotencyKey,
            DepartmentId = session.DepartmentId,
            SessionId = session.Id,
            SlotId = slot.Id,
            SlotStartsAt = slot.StartsAt,
            SessionMonth = month,
            Name = valid.Name,
            Phone = valid.Phone,
            Email = valid.Email,
            TopicKind = valid.TopicKind,
            Description = valid.Description,
            Language = valid.Language,
            Needs = valid.Needs,
            ConsentedAt = now,
            Status = BookingStatus.Booked,
            CreatedAt = now,
        };
        db.Bookings.Add(booking);
        slot.Booked++;
        outbox.BookingConfirmed(booking, slot);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await holds.ReleaseAsync(slot.Id, request.HoldId);
        return new BookingReceipt(new BookingView(booking, slot, []), tokens.TokenFor(id), Replayed: false);
    }

    public async Task<BookingView> GetAsync(string reference, string manageToken, CancellationToken cancellationToken)
    {
        var booking = await OpenAsync(reference, manageToken, cancellationToken);
        return await ViewAsync(booking, cancellationToken);
    }

    public async Task<BookingView> CancelAsync(string reference, string manageToken, CancellationToken cancellationToken)
    {
        var booking = await OpenAsync(reference, manageToken, cancellationToken);
        var now = timeProvider.GetStoredUtcNow();
        if (booking.Status == BookingStatus.Booked)
        {
            if (booking.SlotStartsAt <= now)
            {
                throw new FailedPreconditionException("The call has started or is over; it can no longer be cancelled.",
                    "Opkaldet er begyndt eller overstået og kan ikke længere aflyses.");
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var changed = await db.Bookings.Where(b => b.Id == booking.Id && b.Status == BookingStatus.Booked)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, BookingStatus.Cancelled).SetProperty(b => b.CancelledAt, now), cancellationToken);
            if (changed == 1)
            {
                await FreeSeatAsync(booking.SlotId, cancellationToken);
                outbox.BookingCancelled(booking);
                await db.SaveChangesAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        return await ViewAsync(await db.Bookings.AsNoTracking().SingleAsync(b => b.Id == booking.Id, cancellationToken), cancellationToken);
    }

    public async Task<BookingView> RescheduleAsync(string reference, string manageToken, string slotId, CancellationToken cancellationToken)
    {
        new FieldViolations().Required("slot_id", slotId, "the new slot", "den nye samtaletid").ThrowIfAny();
        var booking = await OpenAsync(reference, manageToken, cancellationToken);
        var now = timeProvider.GetStoredUtcNow();
        if (booking.Status != BookingStatus.Booked)
        {
            throw new FailedPreconditionException("The booking is cancelled; book a new call instead.", "Bookingen er aflyst; book et nyt opkald i stedet.");
        }

        if (booking.SlotStartsAt <= now)
        {
            throw new FailedPreconditionException("The call has started or is over; it can no longer be moved.", "Opkaldet er begyndt eller overstået og kan ikke længere flyttes.");
        }

        if (booking.SlotId == slotId.Trim())
        {
            return await ViewAsync(booking, cancellationToken);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await LockAsync("phone:" + booking.Phone, cancellationToken);
        var (slot, session) = await slots.FindAsync(slotId.Trim(), now, cancellationToken);
        if (session.DepartmentId != booking.DepartmentId)
        {
            throw new ValidationException("slot_id", "The new slot belongs to another department; a booking moves only within its department.",
                "Den nye samtaletid hører til en anden forvaltning; en booking kan kun flyttes inden for sin forvaltning.");
        }

        var month = MonthOf(session);
        await CheckLimitsAsync(booking.Phone, session.DepartmentId, month, booking.Id, cancellationToken);
        await holds.EnsureNotHeldByOthersAsync(slot, holdId: null, now);
        await TakeSeatAsync(slot, cancellationToken);
        var moved = await db.Bookings.Where(b => b.Id == booking.Id && b.Status == BookingStatus.Booked && b.SlotId == booking.SlotId)
            .ExecuteUpdateAsync(
                s => s.SetProperty(b => b.SlotId, slot.Id).SetProperty(b => b.SessionId, session.Id)
                    .SetProperty(b => b.SlotStartsAt, slot.StartsAt).SetProperty(b => b.SessionMonth, month)
                    .SetProperty(b => b.DayReminderSentAt, (DateTimeOffset?)null).SetProperty(b => b.HourReminderSentAt, (DateTimeOffset?)null),
                cancellationToken);
        if (moved != 1)
        {
            throw new FailedPreconditionException("The booking changed while it was being moved; look at it again and retry.",
                "Bookingen blev ændret, mens den blev flyttet; se den igen, og prøv igen.");
        }

        await FreeSeatAsync(booking.SlotId, cancellationToken);
        outbox.BookingMoved(booking, slot);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await ViewAsync(await db.Bookings.AsNoTracking().SingleAsync(b => b.Id == booking.Id, cancellationToken), cancellationToken);
    }

    /// <summary>The booking whose reference and manage token belong together; one answer for a wrong reference and a wrong token.</summary>
    private async Task<Booking> OpenAsync(string reference, string manageToken, CancellationToken cancellationToken)
    {
        new FieldViolations()
            .Required("reference", reference, "the booking reference", "bookingnummeret")
            .Required("manage_token", manageToken, "the manage link's token", "linkets nøgle")
            .ThrowIfAny();
        var key = reference.Trim().ToUpperInvariant();
        var booking = await db.Bookings.AsNoTracking().SingleOrDefaultAsync(b => b.Reference == key, cancellationToken);
        if (booking is null || !ManageTokens.Matches(manageToken.Trim(), booking.ManageTokenHash))
        {
            throw new NotFoundException("No booking has this reference and manage link. Use the link from your confirmation exactly as it is.",
                "Der er ingen booking med dette bookingnummer og link. Brug linket fra din bekræftelse præcis, som det er.");
        }

        if (booking.SlotStartsAt + options.Value.ManageLinkLifetimeAfterCall < timeProvider.GetUtcNow())
        {
            throw new FailedPreconditionException("The manage link has expired: it works until some time after the call. Contact the municipality if you need help.",
                "Linket er udløbet: det virker kun et stykke tid efter opkaldet. Kontakt kommunen, hvis du har brug for hjælp.");
        }

        return booking;
    }

    private async Task CheckLimitsAsync(string phone, string departmentId, string month, string? exceptBookingId, CancellationToken cancellationToken)
    {
        var active = await db.Bookings.AsNoTracking()
            .Where(b => b.Phone == phone && b.SessionMonth == month && b.Status == BookingStatus.Booked && b.Id != exceptBookingId)
            .Select(b => b.DepartmentId)
            .ToListAsync(cancellationToken);
        var limits = options.Value;
        if (active.Count(d => d == departmentId) >= limits.PerPhonePerDepartmentPerMonth)
        {
            throw new FailedPreconditionException(
                $"This phone number already has {limits.PerPhonePerDepartmentPerMonth} booking(s) with the department in {month}; cancel or move it first.",
                $"Telefonnummeret har allerede {limits.PerPhonePerDepartmentPerMonth} booking(er) hos forvaltningen i {month}; aflys eller flyt den først.");
        }

        if (active.Count >= limits.PerPhonePerMonth)
        {
            throw new FailedPreconditionException(
                $"This phone number already has {limits.PerPhonePerMonth} bookings in {month}, the most allowed; cancel one first.",
                $"Telefonnummeret har allerede {limits.PerPhonePerMonth} bookinger i {month}, det højeste tilladte; aflys en først.");
        }
    }

    private async Task TakeSeatAsync(Slot slot, CancellationToken cancellationToken)
    {
        var taken = await db.Slots.Where(s => s.Id == slot.Id && s.Booked < s.Capacity)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Booked, x => x.Booked + 1), cancellationToken);
        if (taken == 0)
        {
            throw new FailedPreconditionException("The slot is full; choose another time.", "Tiden er optaget; vælg en anden tid.");
        }
    }

    private Task<int> FreeSeatAsync(string slotId, CancellationToken cancellationToken) =>
        db.Slots.Where(s => s.Id == slotId && s.Booked > 0).ExecuteUpdateAsync(s => s.SetProperty(x => x.Booked, x => x.Booked - 1), cancellationToken);

    private async Task LockAsync(string key, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({key}, 0))", cancellationToken);
        }
    }

    public async Task<BookingView> ViewAsync(Booking booking, CancellationToken cancellationToken) =>
        new(
            booking,
            await db.Slots.AsNoTracking().SingleAsync(s => s.Id == booking.SlotId, cancellationToken),
            await db.Ideas.AsNoTracking().Where(i => i.BookingId == booking.Id).OrderBy(i => i.CreatedAt).ToListAsync(cancellationToken));

    private static string MonthOf(Session session) => session.Date.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
}
