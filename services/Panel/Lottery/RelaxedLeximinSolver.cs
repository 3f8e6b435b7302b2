using System.Globalization;
namespace Civic.Panel.Lottery;

/// <summary>
/// Leximin for pools with many member types, where exact column generation (<see cref="LeximinSolver"/>) does not
/// finish: its master LP needs about as many panels as there are types, and each re-solve grows to seconds.
/// Instead:
/// 1. the leximin point of the type-space relaxation (<see cref="TypeRelaxation"/>, small LPs) gives the
///    certified upper bound (its first level) and a target number of expected seats per type;
/// 2. herding (<see cref="PanelHerding"/>) turns the target into equally likely quota-feasible panels;
/// 3. the reported probabilities are those of that lottery, computed from its panels, so the reported minimum
///    and the gap to the bound are exact statements about the lottery actually drawn from.
/// Stopping rule: herding stops once every member is within <see cref="Tolerance"/> of their relaxed target, or
/// after <see cref="MaxPanels"/> panels. The first level is then certified to within the reported gap; later
/// levels follow the relaxed leximin (which is lexicographically at least the true leximin) to that tolerance.
/// </summary>
public static class RelaxedLeximinSolver
{
    /// <summary>How far (in probability) a member may fall short of their relaxed target: 0.05 percentage point.</summary>
    public const double Tolerance = 0.0005;

    /// <summary>Upper limit on the panels herding produces (a count, not a time, so that every run is the same).</summary>
    public const int MaxPanels = 6000;

    public static readonly string AlgorithmVersion = string.Create(CultureInfo.InvariantCulture,
        $"leximin-relaxed/1 (types; relaxed leximin in type space (GLOP) decomposed by herding with swap search to {Tolerance} or {MaxPanels} panels; OR-Tools 9.15.6755; SplitMix64 draw)");

    public static LeximinDistribution Solve(MemberTypes types, IReadOnlyList<FeatureQuota> quotas, int panelSize)
    {
        var pricing = new PanelPricing(types, quotas, panelSize);
        var search = new SwapSearch(types, quotas);
        var any = pricing.MostOf(new HashSet<int>()) ?? throw new InvalidOperationException("No quota-feasible panel exists; check feasibility first.");
        var starts = new List<PanelComposition> { any.Panel };
        var unselectable = new HashSet<int>();
        for (var attempt = 1; ; attempt++)
        {
            var relaxed = TypeRelaxation.Solve(types, quotas, panelSize, unselectable);
            var panels = PanelHerding.Decompose(types, search, starts, relaxed.ExpectedSeats, Tolerance, MaxPanels);
            var seated = new bool[types.Types.Count];
            foreach (var panel in panels)
            {
                for (var t = 0; t < seated.Length; t++)
                {
                    seated[t] |= panel.Counts[t] > 0;
                }
            }

            var unseated = types.Types.Select(t => t.Index).Where(t => !seated[t] && !unselectable.Contains(t)).ToList();
            // Types the lottery never seats are either unselectable (then the relaxation must leave them out, or its
            // bound would be too low) or missed by herding (then it is tried once more with a panel seating them).
            if (unseated.Count > 0 && attempt == 1)
            {
                var cover = PanelCover.Find(pricing, unseated);
                unselectable.UnionWith(cover.Unselectable);
                starts.AddRange(cover.Panels);
                continue;
            }

            return Lottery(types, unselectable, panels, relaxed);
        }
    }

    /// <summary>Equally likely panels merged into distinct panels (in order of first appearance) with their shares.</summary>
    private static LeximinDistribution Lottery(MemberTypes types, HashSet<int> unselectable, List<PanelComposition> panels, RelaxedLeximin relaxed)
    {
        var times = new Dictionary<PanelComposition, int>();
        var distinct = new List<PanelComposition>();
        foreach (var panel in panels)
        {
            if (times.TryAdd(panel, 1))
            {
                distinct.Add(panel);
            }
            else
            {
                times[panel]++;
            }
        }

        var seated = new long[types.Types.Count];
        foreach (var (panel, count) in times)
        {
            for (var t = 0; t < seated.Length; t++)
            {
                seated[t] += (long)count * panel.Counts[t];
            }
        }

        var covered = types.Types.Select(t => t.Index).Where(t => !unselectable.Contains(t)).ToList();
        var probabilities = distinct.Select(p => (double)times[p] / panels.Count).ToList();
        return LeximinDistribution.Build(AlgorithmVersion, types, covered, distinct, probabilities, relaxed.FirstLevel, relaxed.Levels, panels.Count,
            PanelHerding.Shortfall(types, relaxed.ExpectedSeats, seated, panels.Count));
    }
}
