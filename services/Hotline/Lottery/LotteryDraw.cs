namespace Civic.Hotline.Lottery;

/// <summary>One request in a draw: who (by phone, for the limits) and the slots they can accept, in their order.</summary>
public sealed record LotteryEntry(string RequestId, string Phone, IReadOnlyList<string> AcceptableSlotIds);

/// <summary>A draw's outcome: the order the requests were drawn in, the slot each winner got, and who lost.</summary>
public sealed record LotteryOutcome(IReadOnlyList<string> Order, IReadOnlyDictionary<string, string> Won, IReadOnlyList<string> Lost);

/// <summary>
/// The request-window lottery. Plain C#, deterministic from its seed: the requests are put in a canonical order
/// (by id, so how the database returns them does not matter), shuffled by a seeded Fisher-Yates, and then served
/// in that order, each getting its first acceptable slot with a free seat. When and how fast a request came plays
/// no part: only the shuffle decides. A phone number whose monthly limits are used up (<c>seatsLeft</c>) gets nothing.
/// </summary>
public static class LotteryDraw
{
    public static LotteryOutcome Draw(ulong seed, IReadOnlyList<LotteryEntry> entries, IReadOnlyDictionary<string, int> freeSeats, Func<string, int> seatsLeft)
    {
        var order = entries.OrderBy(e => e.RequestId, StringComparer.Ordinal).ToArray();
        var random = new SplitMix64(seed);
        for (var i = order.Length - 1; i > 0; i--)
        {
            var j = random.NextBelow(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        var free = new Dictionary<string, int>(freeSeats, StringComparer.Ordinal);
        var left = new Dictionary<string, int>(StringComparer.Ordinal);
        var won = new Dictionary<string, string>(StringComparer.Ordinal);
        var lost = new List<string>();
        foreach (var entry in order)
        {
            if (!left.TryGetValue(entry.Phone, out var phoneLeft))
            {
                phoneLeft = seatsLeft(entry.Phone);
            }

            var slot = phoneLeft > 0 ? entry.AcceptableSlotIds.FirstOrDefault(id => free.GetValueOrDefault(id) > 0) : null;
            if (slot is null)
            {
                lost.Add(entry.RequestId);
                left[entry.Phone] = phoneLeft;
                continue;
            }

            free[slot]--;
            left[entry.Phone] = phoneLeft - 1;
            won[entry.RequestId] = slot;
        }

        return new LotteryOutcome(order.Select(e => e.RequestId).ToList(), won, lost);
    }

    /// <summary>
    /// SplitMix64 (Steele, Lea and Flood 2014): tiny, fully specified, so a stored seed gives the same draw on any
    /// runtime version (System.Random's seeded sequence is an implementation detail).
    /// </summary>
    private struct SplitMix64(ulong seed)
    {
        private ulong _state = seed;

        public ulong Next()
        {
            var z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        /// <summary>Uniform in [0, bound): rejection sampling, so no value is more likely than another.</summary>
        public int NextBelow(int bound)
        {
            var range = (ulong)bound;
            var limit = ulong.MaxValue - (ulong.MaxValue % range);
            ulong value;
            do
            {
                value = Next();
            }
            while (value >= limit);
            return (int)(value % range);
        }
    }
}
