namespace Civic.Panel.Lottery;

/// <summary>
/// Heuristic pricing: from a known quota-feasible panel, move one seat at a time from a low-weight type to a
/// higher-weight type while every quota and the household rule still hold. It is deterministic and costs
/// microseconds where exact CP-SAT pricing costs about 0.1 s on pools where nearly every member is a type of
/// their own. In column generation it only proposes columns (whether a level is optimal is still decided by exact
/// pricing); in <see cref="PanelHerding"/> it chooses each panel.
/// </summary>
internal sealed class SwapSearch
{
    // A move must gain at least this much, so that rounding noise cannot make the search cycle.
    private const double MinimumGain = 1e-12;

    private readonly MemberTypes _types;
    private readonly int[] _minimum;
    private readonly int[] _maximum;
    private readonly int[] _householdOf;
    private readonly int _householdCount;

    // Each type's quotas as a bit set of _words 64-bit words (type t at t·_words), so that a move is checked with a
    // few bit operations against the sets of quotas at their maximum and at their minimum.
    private readonly int _words;
    private readonly ulong[] _quotaBits;

    public SwapSearch(MemberTypes types, IReadOnlyList<FeatureQuota> quotas)
    {
        _types = types;
        _minimum = quotas.Select(q => q.Min).ToArray();
        _maximum = quotas.Select(q => q.Max).ToArray();
        _words = (quotas.Count + 63) / 64;
        _quotaBits = new ulong[types.Types.Count * _words];
        foreach (var type in types.Types)
        {
            foreach (var q in type.QuotaIndexes)
            {
                _quotaBits[(type.Index * _words) + (q / 64)] |= 1UL << (q % 64);
            }
        }

        _householdOf = Enumerable.Repeat(-1, types.Types.Count).ToArray();
        _householdCount = types.Households.Count;
        for (var h = 0; h < types.Households.Count; h++)
        {
            foreach (var t in types.Households[h])
            {
                _householdOf[t] = h;
            }
        }
    }

    /// <summary>The panel reached from <paramref name="start"/> by improving single-seat moves under the weights.</summary>
    public PanelComposition Improve(PanelComposition start, IReadOnlyList<double> weightPerPerson)
    {
        var counts = start.Counts.ToArray();
        var quotaSeats = new int[_minimum.Length];
        var householdSeats = new int[_householdCount];
        for (var t = 0; t < counts.Length; t++)
        {
            if (counts[t] == 0)
            {
                continue;
            }

            foreach (var q in _types.Types[t].QuotaIndexes)
            {
                quotaSeats[q] += counts[t];
            }

            if (_householdOf[t] >= 0)
            {
                householdSeats[_householdOf[t]] += counts[t];
            }
        }

        var atMaximum = new ulong[_words];
        var atMinimum = new ulong[_words];
        for (var q = 0; q < quotaSeats.Length; q++)
        {
            Mark(q, quotaSeats, atMaximum, atMinimum);
        }

        // Types that could gain a seat, best first; only positive weights can improve a panel.
        var entering = Enumerable.Range(0, counts.Length).Where(t => weightPerPerson[t] > 0)
            .OrderByDescending(t => weightPerPerson[t]).ThenBy(t => t).ToArray();
        // Passes over the entering types; a pass keeps going after a move, so a pass costs |entering| × k checks.
        var moved = true;
        while (moved)
        {
            moved = false;
            var leaving = Enumerable.Range(0, counts.Length).Where(t => counts[t] > 0)
                .OrderBy(t => weightPerPerson[t]).ThenBy(t => t).ToList();
            foreach (var into in entering)
            {
                if (counts[into] >= _types.Types[into].Size)
                {
                    continue;
                }

                foreach (var from in leaving)
                {
                    if (weightPerPerson[into] - weightPerPerson[from] <= MinimumGain)
                    {
                        break;
                    }

                    if (counts[from] > 0 && from != into && CanMove(from, into, atMaximum, atMinimum, householdSeats))
                    {
                        Apply(from, into, counts, quotaSeats, householdSeats);
                        foreach (var q in _types.Types[from].QuotaIndexes.Concat(_types.Types[into].QuotaIndexes))
                        {
                            Mark(q, quotaSeats, atMaximum, atMinimum);
                        }

                        moved = true;
                        break;
                    }
                }
            }
        }

        return new PanelComposition(counts);
    }

    // A quota only the leaving type counts towards loses a seat (not allowed at its minimum); one only the entering
    // type counts towards gains a seat (not allowed at its maximum); one both count towards keeps its seats.
    private bool CanMove(int from, int into, ulong[] atMaximum, ulong[] atMinimum, int[] householdSeats)
    {
        for (var w = 0; w < _words; w++)
        {
            var fromBits = _quotaBits[(from * _words) + w];
            var intoBits = _quotaBits[(into * _words) + w];
            if ((intoBits & ~fromBits & atMaximum[w]) != 0 || (fromBits & ~intoBits & atMinimum[w]) != 0)
            {
                return false;
            }
        }

        var household = _householdOf[into];
        return household < 0 || householdSeats[household] - (_householdOf[from] == household ? 1 : 0) == 0;
    }

    private void Mark(int q, int[] quotaSeats, ulong[] atMaximum, ulong[] atMinimum)
    {
        var bit = 1UL << (q % 64);
        atMaximum[q / 64] = quotaSeats[q] >= _maximum[q] ? atMaximum[q / 64] | bit : atMaximum[q / 64] & ~bit;
        atMinimum[q / 64] = quotaSeats[q] <= _minimum[q] ? atMinimum[q / 64] | bit : atMinimum[q / 64] & ~bit;
    }

    private void Apply(int from, int into, int[] counts, int[] quotaSeats, int[] householdSeats)
    {
        counts[from]--;
        counts[into]++;
        foreach (var q in _types.Types[from].QuotaIndexes)
        {
            quotaSeats[q]--;
        }

        foreach (var q in _types.Types[into].QuotaIndexes)
        {
            quotaSeats[q]++;
        }

        if (_householdOf[from] >= 0)
        {
            householdSeats[_householdOf[from]]--;
        }

        if (_householdOf[into] >= 0)
        {
            householdSeats[_householdOf[into]]++;
        }
    }
}
