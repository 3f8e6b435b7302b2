namespace Civic.Hotline.Holds;

/// <summary>
/// Where seat holds live: Redis with expiry when configured (every replica sees the same holds), this process
/// otherwise. A hold expires at the instant given to it, measured on the service's <see cref="TimeProvider"/>.
/// </summary>
public interface ISlotHoldStore
{
    /// <summary>Adds the hold, in one atomic step, unless the slot's live holds already cover its <paramref name="freeSeats"/>.</summary>
    Task<bool> TryHoldAsync(string slotId, string holdId, int freeSeats, DateTimeOffset now, DateTimeOffset expiresAt);

    /// <summary>True while <paramref name="holdId"/> holds a seat in <paramref name="slotId"/>.</summary>
    Task<bool> IsHeldAsync(string slotId, string holdId, DateTimeOffset now);

    /// <summary>Live holds per slot (slots without any are left out).</summary>
    Task<IReadOnlyDictionary<string, int>> CountAsync(IReadOnlyCollection<string> slotIds, DateTimeOffset now);

    /// <summary>Ends a hold (its booking took the seat). Ending one that is gone changes nothing.</summary>
    Task ReleaseAsync(string slotId, string holdId);
}
