namespace Civic.Panel.Lottery;

/// <summary>
/// Turns expected seats per type into equally likely quota-feasible panels by herding (error diffusion): panel
/// i + 1 is chosen for the members furthest behind their target after i panels, i.e. it maximises
/// Σ_t seats_t · ((i + 1)·target_t − seated_t) / |t| under every quota and the household rule. The maximisation is
/// the swap search started from the best of the recent panels under these weights (a member is due again about
/// every 1/probability panels, so an older panel is usually close). Every panel is feasible by construction;
/// how close the lottery comes to the target is measured, not assumed.
/// </summary>
internal static class PanelHerding
{
    // Candidates for the next start: this many of the most recent panels (a member at 2 % is due every ~50 panels).
    private const int RecentStarts = 64;

    // The stopping rule is checked this often.
    private const int CheckEvery = 100;

    /// <summary>
    /// Panels (one per draw, duplicates included) until every type with a target is within
    /// <paramref name="tolerance"/> of its target probability, or <paramref name="maxPanels"/> panels.
    /// </summary>
    public static List<PanelComposition> Decompose(
        MemberTypes types, SwapSearch search, IReadOnlyList<PanelComposition> starts, IReadOnlyList<double> targetSeats, double tolerance, int maxPanels)
    {
        var seated = new long[types.Types.Count];
        var weights = new double[types.Types.Count];
        var panels = new List<PanelComposition>();
        while (panels.Count < maxPanels)
        {
            var next = panels.Count + 1;
            for (var t = 0; t < weights.Length; t++)
            {
                weights[t] = ((next * targetSeats[t]) - seated[t]) / types.Types[t].Size;
            }

            var start = starts.Concat(panels.Skip(Math.Max(0, panels.Count - RecentStarts)))
                .Select((panel, order) => (Panel: panel, Value: panel.Value(weights), Order: order))
                .OrderByDescending(c => c.Value).ThenBy(c => c.Order).First().Panel;
            var panel = search.Improve(start, weights);
            panels.Add(panel);
            for (var t = 0; t < seated.Length; t++)
            {
                seated[t] += panel.Counts[t];
            }

            if (panels.Count % CheckEvery == 0 && Shortfall(types, targetSeats, seated, panels.Count) <= tolerance)
            {
                break;
            }
        }

        return panels;
    }

    /// <summary>The largest amount by which a member's probability (share of the panels so far) falls short of the target.</summary>
    public static double Shortfall(MemberTypes types, IReadOnlyList<double> targetSeats, IReadOnlyList<long> seated, int panels)
    {
        var shortfall = 0.0;
        for (var t = 0; t < seated.Count; t++)
        {
            shortfall = Math.Max(shortfall, (targetSeats[t] - ((double)seated[t] / panels)) / types.Types[t].Size);
        }

        return shortfall;
    }
}
