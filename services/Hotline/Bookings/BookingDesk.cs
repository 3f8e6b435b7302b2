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
/// <remarks>For a lottery request, <see cref="AcceptableSlotIds"/> are the slots it can accept and <see cref="DrawAt"/> when its session is drawn.</remarks>
public sealed record BookingView(
    Booking Booking, Slot Slot, IReadOnlyList<Idea> Ideas, string? SessionCancelReason = null, IReadOnlyList<string>? AcceptableSlotIds = null, DateTimeOffset? DrawAt = null);

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
        // When a popular window opens nearly every attempt finds its slot full: answer those from one read, without
        // a transaction or locks (a retry of a booking that was made still gets that booking back).
        var seen = await slots.FindForNewBookingAsync(valid.SlotId, valid.IdempotencyKey, now, cancellationToken);
        if (seen is null)
        {
            if (await ReplayAsync(valid, cancellationToken) is { } earlier)
            {
                return earlier;
            }

            seen = await slots.FindAsync(valid.SlotId, now, cancellationToken);
        }

        if (seen.Value.Slot.IsFull)
        {
            throw SlotFull();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await LockAsync(cancellationToken, "idempotency:" + valid.IdempotencyKey, "phone:" + valid.Phone);
        if (await ReplayAsync(valid, cancellationToken) is { } replay)
        {
            return replay;
        }

        var (slot, session) = await slots.FindHeldAsync(seen.Value, now, cancellationToken);
        var month = session.Month;
        await CheckLimitsAsync(valid.Phone, session.DepartmentId, month, exceptBookingId: null, cancellationToken);
        await holds.EnsureNotHeldByOthersAsync(slot, request.HoldId, now);
        await TakeSeatAsync(slot, cancellationToken);
        var booking = NewEntity(valid, session, slot, BookingStatus.Booked, now);
        db.Bookings.Add(booking);
        slot.Booked++;
        outbox.BookingConfirmed(booking, slot);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await holds.ReleaseAsync(slot.Id, request.HoldId);
        return new BookingReceipt(new BookingView(booking, slot, []), tokens.TokenFor(booking.Id), Replayed: false);
    }

    /// <summary>Puts a citizen on the waitlist of a session whose every coming seat is booked or held.</summary>
    public async Task<BookingReceipt> JoinWaitlistAsync(string sessionId, NewBooking request, CancellationToken cancellationToken)
    {
        new FieldViolations().Required("session_id", sessionId, "the session", "telefontiden").ThrowIfAny();
        var valid = BookingRules.Validate(request with { SlotId = sessionId });
        var now = timeProvider.GetStoredUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await LockAsync(cancellationToken, "idempotency:" + valid.IdempotencyKey, "phone:" + valid.Phone);
        if (await ReplayAsync(valid, cancellationToken) is { } replay)
        {
            return replay;
        }

        var session = await HeldSessionAsync(valid.SlotId, cancellationToken);
        var coming = session.Slots.Where(s => s.StartsAt > now).OrderBy(s => s.StartsAt).ToList();
        if (session.CancelledAt is not null || coming.Count == 0 || now < session.BookingOpensAt || now >= session.BookingClosesAt)
        {
            throw new FailedPreconditionException("This session is cancelled, over or not open for booking, so it has no waitlist now.",
                "Telefontiden er aflyst, overstået eller ikke åben for booking, så den har ingen venteliste nu.");
        }

        var held = await holds.CountAsync(coming.Select(s => s.Id).ToList());
        if (coming.Any(s => s.Booked + held.GetValueOrDefault(s.Id) < s.Capacity))
        {
            throw new FailedPreconditionException("The session still has a free time; book it instead of joining the waitlist.",
                "Telefontiden har stadig en ledig tid; book den i stedet for at skrive dig på ventelisten.");
        }

        if (await db.Bookings.AsNoTracking().AnyAsync(
            b => b.SessionId == session.Id && b.Phone == valid.Phone && (b.Status == BookingStatus.Waitlisted || b.Status == BookingStatus.Offered || b.Status == BookingStatus.Booked),
            cancellationToken))
        {
            throw new FailedPreconditionException("This phone number is already booked or on the waitlist for this session.",
                "Telefonnummeret er allerede booket eller på ventelisten til denne telefontid.");
        }

        await CheckLimitsAsync(valid.Phone, session.DepartmentId, session.Month, exceptBookingId: null, cancellationToken);
        // Until an offer names a slot, the entry points at the session's first coming slot.
        var entry = NewEntity(valid, session, coming[0], BookingStatus.Waitlisted, now);
        db.Bookings.Add(entry);
        outbox.WaitlistJoined(entry, session);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new BookingReceipt(await ViewAsync(entry, cancellationToken), tokens.TokenFor(entry.Id), Replayed: false);
    }

    /// <summary>
    /// Asks for a seat in a lottery session during its request window, naming the slots the citizen can accept
    /// (in their order). The request waits as a booking with status Requested until the draw (Lottery/LotteryDrawJob).
    /// </summary>
    public async Task<BookingReceipt> RequestAsync(string sessionId, IReadOnlyList<string> slotIds, NewBooking request, CancellationToken cancellationToken)
    {
        new FieldViolations().Required("session_id", sessionId, "the session", "telefontiden").ThrowIfAny();
        var valid = BookingRules.Validate(request with { SlotId = sessionId });
        var wanted = slotIds.Select(s => s.Trim()).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0)
        {
            throw new ValidationException("slot_ids", "Choose at least one time you can accept.", "Vælg mindst én tid, du kan.");
        }

        var now = timeProvider.GetStoredUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await LockAsync(cancellationToken, "idempotency:" + valid.IdempotencyKey, "phone:" + valid.Phone);
        if (await ReplayAsync(valid, cancellationToken) is { } replay)
        {
            return replay;
        }

        var session = await HeldSessionAsync(valid.SlotId, cancellationToken);
        RequireOpenRequestWindow(session, now);
        var foreign = wanted.FirstOrDefault(id => !session.Slots.Exists(s => s.Id == id));
        if (foreign is not null)
        {
            throw new ValidationException("slot_ids", $"The slot '{foreign}' is not a time in this session; choose among the session's own times.",
                $"Tiden '{foreign}' hører ikke til denne telefontid; vælg blandt telefontidens egne tider.");
        }

        var month = session.Month;
        if (await db.Bookings.AsNoTracking().AnyAsync(
            b => b.Phone == valid.Phone && b.DepartmentId == session.DepartmentId && b.SessionMonth == month && b.Status == BookingStatus.Requested, cancellationToken))
        {
            throw new FailedPreconditionException($"This phone number has already asked for a session of the department in {month}; one request per month.",
                $"Telefonnummeret har allerede bedt om en telefontid hos forvaltningen i {month}; man kan bede om én om måneden.");
        }

        await CheckLimitsAsync(valid.Phone, session.DepartmentId, month, exceptBookingId: null, cancellationToken);
        // Until the draw gives it a seat, the request points at its first acceptable slot.
        var entry = NewEntity(valid, session, session.Slots.Single(s => s.Id == wanted[0]), BookingStatus.Requested, now);
        db.Bookings.Add(entry);
        db.RequestedSlots.AddRange(wanted.Select((id, position) => new Lottery.RequestedSlot { BookingId = entry.Id, SlotId = id, Position = position }));
        outbox.SessionRequested(entry, session);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new BookingReceipt(await ViewAsync(entry, cancellationToken), tokens.TokenFor(entry.Id), Replayed: false);
    }

    /// <summary>The session with its slots, read after holding it against a rule change that would remove it (<see cref="BookableSlots.HoldSessionAsync"/>).</summary>
    private async Task<Session> HeldSessionAsync(string sessionId, CancellationToken cancellationToken)
    {
        if (!await db.Sessions.AsNoTracking().AnyAsync(s => s.Id == sessionId, cancellationToken))
        {
            throw new NotFoundException($"No session has id '{sessionId}'.", $"Der findes ingen telefontid med id '{sessionId}'.");
        }

        await slots.HoldSessionAsync(sessionId, cancellationToken);
        return await db.Sessions.AsNoTracking().Include(s => s.Slots).SingleAsync(s => s.Id == sessionId, cancellationToken);
    }

    private static void RequireOpenRequestWindow(Session session, DateTimeOffset now)
    {
        if (session.CancelledAt is not null)
        {
            throw new FailedPreconditionException("The session is cancelled; choose another session.", "Telefontiden er aflyst; vælg en anden telefontid.");
        }

        if (session.RequestWindowClosesAt is not { } closes)
        {
            throw new FailedPreconditionException("This session is booked first come, first served: book a time directly instead of asking for one.",
                "Denne telefontid bookes efter først til mølle: book en tid direkte i stedet for at bede om en.");
        }

        if (now < session.BookingOpensAt || now >= closes)
        {
            var opens = TimeZoneInfo.ConvertTime(session.BookingOpensAt, HotlineTime.Zone);
            var closesLocal = TimeZoneInfo.ConvertTime(closes, HotlineTime.Zone);
            throw new FailedPreconditionException(
                $"Requests for this session are taken from {opens:yyyy-MM-dd HH:mm} to {closesLocal:yyyy-MM-dd HH:mm} (Danish time); it is outside that window.",
                $"Man kan bede om en tid i denne telefontid fra {opens:dd-MM-yyyy 'kl.' HH:mm} til {closesLocal:dd-MM-yyyy 'kl.' HH:mm}; det er uden for det tidsrum nu.");
        }
    }

    /// <summary>Accepts a live waitlist offer: the seat already taken for it becomes the citizen's booking.</summary>
    public async Task<BookingView> AcceptOfferAsync(string reference, string manageToken, CancellationToken cancellationToken)
    {
        var booking = await OpenAsync(reference, manageToken, cancellationToken);
        var now = timeProvider.GetStoredUtcNow();
        if (booking.Status == BookingStatus.Booked)
        {
            return await ViewAsync(booking, cancellationToken);
        }

        if (booking.Status != BookingStatus.Offered || booking.OfferExpiresAt <= now)
        {
            throw new FailedPreconditionException("There is no offer to accept: it has lapsed, or you are not offered a time yet.",
                "Der er intet tilbud at tage imod: det er udløbet, eller du har ikke fået tilbudt en tid endnu.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await LockAsync(cancellationToken, "phone:" + booking.Phone);
        await CheckLimitsAsync(booking.Phone, booking.DepartmentId, booking.SessionMonth, booking.Id, cancellationToken);
        var accepted = await db.Bookings.Where(b => b.Id == booking.Id && b.Status == BookingStatus.Offered && b.OfferExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, BookingStatus.Booked).SetProperty(b => b.OfferExpiresAt, (DateTimeOffset?)null), cancellationToken);
        if (accepted != 1)
        {
            throw new FailedPreconditionException("The offer lapsed just now; you stay off the list. Book another time.", "Tilbuddet er netop udløbet. Book en anden tid.");
        }

        outbox.BookingConfirmed(booking, await db.Slots.AsNoTracking().SingleAsync(s => s.Id == booking.SlotId, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await ViewAsync(await db.Bookings.AsNoTracking().SingleAsync(b => b.Id == booking.Id, cancellationToken), cancellationToken);
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
        // A waitlist entry or lottery request leaves; an offered seat is declined (and freed for the next on the list).
        if (booking.Status is BookingStatus.Booked or BookingStatus.Offered or BookingStatus.Waitlisted or BookingStatus.Requested)
        {
            if (booking.Status == BookingStatus.Booked && booking.SlotStartsAt <= now)
            {
                throw new FailedPreconditionException("The call has started or is over; it can no longer be cancelled.",
                    "Opkaldet er begyndt eller overstået og kan ikke længere aflyses.");
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var changed = await db.Bookings.Where(b => b.Id == booking.Id && b.Status == booking.Status)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, BookingStatus.Cancelled).SetProperty(b => b.CancelledAt, now), cancellationToken);
            if (changed == 1)
            {
                if (booking.Status is BookingStatus.Booked or BookingStatus.Offered)
                {
                    await FreeSeatAsync(booking.SlotId, cancellationToken);
                }

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
        // The municipality cancelled this booking's session: it may be rebooked with priority for a while.
        var priority = booking.Status == BookingStatus.Cancelled && booking.RebookUntil > now;
        if (booking.Status != BookingStatus.Booked && !priority)
        {
            throw new FailedPreconditionException("The booking is cancelled (or not yet booked); book a new call instead.", "Bookingen er aflyst (eller ikke booket endnu); book et nyt opkald i stedet.");
        }

        if (!priority && booking.SlotStartsAt <= now)
        {
            throw new FailedPreconditionException("The call has started or is over; it can no longer be moved.", "Opkaldet er begyndt eller overstået og kan ikke længere flyttes.");
        }

        if (!priority && booking.SlotId == slotId.Trim())
        {
            return await ViewAsync(booking, cancellationToken);
        }

        var seen = await slots.FindAsync(slotId.Trim(), now, cancellationToken, ignoreOpening: priority);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await LockAsync(cancellationToken, "phone:" + booking.Phone);
        var (slot, session) = await slots.FindHeldAsync(seen, now, cancellationToken, ignoreOpening: priority);
        if (session.DepartmentId != booking.DepartmentId)
        {
            throw new ValidationException("slot_id", "The new slot belongs to another department; a booking moves only within its department.",
                "Den nye samtaletid hører til en anden forvaltning; en booking kan kun flyttes inden for sin forvaltning.");
        }

        var month = session.Month;
        await CheckLimitsAsync(booking.Phone, session.DepartmentId, month, booking.Id, cancellationToken);
        await holds.EnsureNotHeldByOthersAsync(slot, holdId: null, now);
        await TakeSeatAsync(slot, cancellationToken);
        var moved = await db.Bookings.Where(b => b.Id == booking.Id && b.Status == booking.Status && b.SlotId == booking.SlotId)
            .ExecuteUpdateAsync(
                s => s.SetProperty(b => b.SlotId, slot.Id).SetProperty(b => b.SessionId, session.Id)
                    .SetProperty(b => b.SlotStartsAt, slot.StartsAt).SetProperty(b => b.SessionMonth, month)
                    .SetProperty(b => b.DayReminderSentAt, (DateTimeOffset?)null).SetProperty(b => b.HourReminderSentAt, (DateTimeOffset?)null)
                    .SetProperty(b => b.Status, BookingStatus.Booked).SetProperty(b => b.CancelledAt, (DateTimeOffset?)null)
                    .SetProperty(b => b.RebookUntil, (DateTimeOffset?)null),
                cancellationToken);
        if (moved != 1)
        {
            throw new FailedPreconditionException("The booking changed while it was being moved; look at it again and retry.",
                "Bookingen blev ændret, mens den blev flyttet; se den igen, og prøv igen.");
        }

        if (!priority)
        {
            // A cancelled booking holds no seat to free.
            await FreeSeatAsync(booking.SlotId, cancellationToken);
        }

        outbox.BookingMoved(booking, slot);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await ViewAsync(await db.Bookings.AsNoTracking().SingleAsync(b => b.Id == booking.Id, cancellationToken), cancellationToken);
    }

    private async Task<BookingReceipt?> ReplayAsync(ValidBooking valid, CancellationToken cancellationToken)
    {
        var earlier = await db.Bookings.AsNoTracking().SingleOrDefaultAsync(b => b.IdempotencyKey == valid.IdempotencyKey, cancellationToken);
        if (earlier is null)
        {
            return null;
        }

        if (earlier.Phone != valid.Phone || earlier.Name != valid.Name)
        {
            throw new ValidationException("idempotency_key", "This idempotency key was used for another booking; send a new key for a new booking.",
                "Idempotensnøglen er brugt til en anden booking; send en ny nøgle for en ny booking.");
        }

        return new BookingReceipt(await ViewAsync(earlier, cancellationToken), tokens.TokenFor(earlier.Id), Replayed: true);
    }

    private Booking NewEntity(ValidBooking valid, Session session, Slot slot, BookingStatus status, DateTimeOffset now)
    {
        var id = Guid.CreateVersion7(now).ToString();
        return new Booking
        {
            Id = id,
            Reference = BookingReferences.New(),
            ManageTokenHash = ManageTokens.Hash(tokens.TokenFor(id)),
            IdempotencyKey = valid.IdempotencyKey,
            DepartmentId = session.DepartmentId,
            SessionId = session.Id,
            SlotId = slot.Id,
            SlotStartsAt = slot.StartsAt,
            SessionMonth = session.Month,
            Name = valid.Name,
            Phone = valid.Phone,
            Email = valid.Email,
            TopicKind = valid.TopicKind,
            Description = valid.Description,
            Language = valid.Language,
            Needs = valid.Needs,
            ConsentedAt = now,
            Status = status,
            CreatedAt = now,
        };
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
            throw SlotFull();
        }
    }

    private static FailedPreconditionException SlotFull() =>
        new("The slot is full; choose another time.", "Tiden er optaget; vælg en anden tid.");

    private Task<int> FreeSeatAsync(string slotId, CancellationToken cancellationToken) =>
        db.Slots.Where(s => s.Id == slotId && s.Booked > 0).ExecuteUpdateAsync(s => s.SetProperty(x => x.Booked, x => x.Booked - 1), cancellationToken);

    /// <summary>Transaction-scoped advisory locks on the keys, taken in the given order by one statement.</summary>
    private async Task LockAsync(CancellationToken cancellationToken, params string[] keys)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended(key, 0)) FROM unnest({keys}) WITH ORDINALITY AS k(key, n) ORDER BY n", cancellationToken);
        }
    }

    public async Task<BookingView> ViewAsync(Booking booking, CancellationToken cancellationToken)
    {
        var session = await db.Sessions.AsNoTracking().Where(s => s.Id == booking.SessionId)
            .Select(s => new { s.CancelReason, s.RequestWindowClosesAt }).SingleAsync(cancellationToken);
        var acceptable = await db.RequestedSlots.AsNoTracking().Where(r => r.BookingId == booking.Id).OrderBy(r => r.Position).Select(r => r.SlotId).ToListAsync(cancellationToken);
        return new(
            booking,
            await db.Slots.AsNoTracking().SingleAsync(s => s.Id == booking.SlotId, cancellationToken),
            await db.Ideas.AsNoTracking().Where(i => i.BookingId == booking.Id).OrderBy(i => i.CreatedAt).ToListAsync(cancellationToken),
            session.CancelReason,
            acceptable,
            acceptable.Count == 0 ? null : session.RequestWindowClosesAt);
    }
}
