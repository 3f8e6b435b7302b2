namespace Civic.Panel.Lottery;

/// <summary>
/// Which types some quota-feasible panel can seat, proved with exact pricing: each round finds the panel that
/// seats the most not-yet-seated types, and a round that seats none proves the rest unselectable.
/// </summary>
internal static class PanelCover
{
    /// <summary>Panels that together seat every seatable type of <paramref name="typeIndexes"/>, and the types none can seat.</summary>
    public static (List<PanelComposition> Panels, HashSet<int> Unselectable) Find(PanelPricing pricing, IEnumerable<int> typeIndexes)
    {
        var uncovered = typeIndexes.ToHashSet();
        var panels = new List<PanelComposition>();
        while (uncovered.Count > 0)
        {
            var best = pricing.MostOf(uncovered) ?? throw new InvalidOperationException("No quota-feasible panel exists; check feasibility first.");
            if (best.Seated == 0)
            {
                break;
            }

            // It seats a type no earlier panel seated, so it is new.
            panels.Add(best.Panel);
            for (var t = 0; t < best.Panel.Counts.Count; t++)
            {
                if (best.Panel.Counts[t] > 0)
                {
                    uncovered.Remove(t);
                }
            }
        }

        return (panels, uncovered);
    }
}
