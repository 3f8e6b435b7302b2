using System.Security.Cryptography;
using Civic.Hosting.Errors;
using Civic.Hosting.Storage;
using Civic.Hotline.Bookings;
using Civic.Hotline.Schedules;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Civic.Hotline.Holds;

/// <summary>A seat held for a citizen until <see cref="ExpiresAt"/>.</summary>
public sealed record SlotHold(string HoldId, DateTimeOffset ExpiresAt, Slot Slot, int Held);

/// <summary>
/// Seat holds while a citizen fills in the booking form, so two people are not sent to the same last seat.
/// A hold only reserves among holds: the database stays the authority, and a booking still takes its seat
/// by the conditional capacity update (a hold whose seat a booking without a hold took in the same instant
/// meets "full" there, never an overbooked slot).
/// </summary>
public sealed class SlotHolds(BookableSlots slots, ISlotHoldStore store, IOptions<HoldOptions> options, TimeProvider timeProvider)
{
    public async Task<SlotHold> HoldAsync(string slotId, CancellationToken cancellationToken)
    {
        new FieldViolations().Required("slot_id", slotId, "the slot", "samtaletiden").ThrowIfAny();
        var now = timeProvider.GetStoredUtcNow();
        var (slot, _) = await slots.FindAsync(slotId.Trim(), now, cancellationToken);
        // Cryptographic randomness: whoever knows a hold id can book its seat.
        var holdId = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(16));
        var expiresAt = now + options.Value.Lifetime;
        if (!await store.TryHoldAsync(slot.Id, holdId, slot.Capacity - slot.Booked, now, expiresAt))
        {
            throw Taken();
        }

        var held = (await store.CountAsync([slot.Id], now)).GetValueOrDefault(slot.Id);
        return new SlotHold(holdId, expiresAt, slot, held);
    }

    /// <summary>
    /// Refuses a booking (or a move) into <paramref name="slot"/> when every free seat is held by someone else;
    /// a live hold of the caller's own (<paramref name="holdId"/>) is a seat of theirs.
    /// </summary>
    public async Task EnsureNotHeldByOthersAsync(Slot slot, string? holdId, DateTimeOffset now)
    {
        if (!string.IsNullOrWhiteSpace(holdId) && await store.IsHeldAsync(slot.Id, holdId.Trim(), now))
        {
            return;
        }

        // A full slot is left to the capacity update, which says so in its own words.
        var held = (await store.CountAsync([slot.Id], now)).GetValueOrDefault(slot.Id);
        if (slot.Booked < slot.Capacity && slot.Booked + held >= slot.Capacity)
        {
            throw Taken();
        }
    }

    /// <summary>Ends the hold once its booking has the seat.</summary>
    public Task ReleaseAsync(string slotId, string? holdId) =>
        string.IsNullOrWhiteSpace(holdId) ? Task.CompletedTask : store.ReleaseAsync(slotId, holdId.Trim());

    /// <summary>Live holds per slot, for listings.</summary>
    public Task<IReadOnlyDictionary<string, int>> CountAsync(IReadOnlyCollection<string> slotIds) =>
        store.CountAsync(slotIds, timeProvider.GetUtcNow());

    private static FailedPreconditionException Taken() =>
        new("Every free seat in this slot is booked or held by someone filling in the form; choose another time, or try again in a few minutes.",
            "Alle ledige pladser på denne tid er booket eller reserveret af andre, der er ved at booke; vælg en anden tid, eller prøv igen om få minutter.");
}
