namespace Civic.Hotline.Holds;

/// <summary>Holds in this process's memory: for one machine, and the fallback while Redis is unreachable.</summary>
public sealed class InProcessSlotHoldStore : ISlotHoldStore
{
    private readonly Dictionary<string, Dictionary<string, DateTimeOffset>> _slots = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public Task<bool> TryHoldAsync(string slotId, string holdId, int freeSeats, DateTimeOffset now, DateTimeOffset expiresAt)
    {
        lock (_lock)
        {
            var holds = Live(slotId, now, create: true)!;
            if (holds.Count >= freeSeats)
            {
                return Task.FromResult(false);
            }

            holds[holdId] = expiresAt;
            return Task.FromResult(true);
        }
    }

    public Task<bool> IsHeldAsync(string slotId, string holdId, DateTimeOffset now)
    {
        lock (_lock)
        {
            return Task.FromResult(Live(slotId, now, create: false)?.ContainsKey(holdId) == true);
        }
    }

    public Task<IReadOnlyDictionary<string, int>> CountAsync(IReadOnlyCollection<string> slotIds, DateTimeOffset now)
    {
        lock (_lock)
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var slotId in slotIds)
            {
                if (Live(slotId, now, create: false) is { Count: > 0 } holds)
                {
                    counts[slotId] = holds.Count;
                }
            }

            return Task.FromResult<IReadOnlyDictionary<string, int>>(counts);
        }
    }

    public Task ReleaseAsync(string slotId, string holdId)
    {
        lock (_lock)
        {
            if (_slots.TryGetValue(slotId, out var holds) && holds.Remove(holdId) && holds.Count == 0)
            {
                _slots.Remove(slotId);
            }
        }

        return Task.CompletedTask;
    }

    // Expired holds are dropped whenever their slot is looked at, so memory stays bounded by the live ones.
    private Dictionary<string, DateTimeOffset>? Live(string slotId, DateTimeOffset now, bool create)
    {
        if (!_slots.TryGetValue(slotId, out var holds))
        {
            if (!create)
            {
                return null;
            }

            holds = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
            _slots[slotId] = holds;
            return holds;
        }

        foreach (var expired in holds.Where(h => h.Value <= now).Select(h => h.Key).ToList())
        {
            holds.Remove(expired);
        }

        return holds;
    }
}
