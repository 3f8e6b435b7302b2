using Google.OrTools.LinearSolver;

namespace Civic.Panel.Lottery;

/// <summary>
/// LEXIMIN over quota-feasible panels by column generation (Flanigan, Gölz, Gupta, Hennig, Procaccia,
/// "Fair algorithms for selecting citizens' assemblies", Nature 596, 2021). Level by level, the dual LP
///   minimise ŷ − Σ_fixed f_t·y_t  s.t.  Σ_t y_t·c_t(P)/|t| ≤ ŷ for every known panel P,  Σ_free y_t = 1,  y ≥ 0
/// is solved with GLOP over the panels found so far; the pricing integer program (CP-SAT) then looks for
/// the panel with the highest dual-weighted value. If that value exceeds ŷ the panel is added; otherwise
/// the LP value is the optimum of this level and every type with positive dual weight is fixed at it
/// (complementary slackness: such types sit at that probability in every optimal distribution). A final
/// primal LP turns the fixed levels into panel probabilities.
/// </summary>
public sealed class LeximinSolver
{
    /// <summary>A panel improves the LP only if its dual value exceeds ŷ by more than this.</summary>
    /// <summary>
    /// Unchanged since draws were first recorded with it: nothing that decides an exact draw has changed since, so those
    /// draws still verify.
    /// </summary>
    public const string AlgorithmVersion = "leximin-cg/2 (types, GLOP dual + swap-search and CP-SAT pricing, OR-Tools 9.15.6755; SplitMix64 draw)";

    public const double ImprovementTolerance = 1e-9;

    // Dual weights at or below this are LP noise, not a binding level.
    private const double PositiveWeight = 1e-9;

    // A level is fixed this much below the LP's value: the panels found so far reach the value only up to
    // LP tolerance, and a level they miss by 1e-12 would make the next dual unbounded.
    private const double LevelSlack = 1e-7;

    // After one LP solve, up to this many more panels are priced with the weights of seated types damped,
    // so that one LP solve yields several useful columns (the heuristic of the paper's implementation).
    private const int ExtraPanelsPerRound = 10;
    private const double DampingFactor = 0.8;

    // Swap search starts from this many of the best known panels under the current weights.
    private const int SwapStarts = 25;

    public static LeximinDistribution Solve(MemberTypes types, IReadOnlyList<FeatureQuota> quotas, int panelSize)
    {
        var pricing = new PanelPricing(types, quotas, panelSize);
        var search = new SwapSearch(types, quotas);
        var panels = new List<PanelComposition>();
        var known = new HashSet<PanelComposition>();
        var covered = Cover(types, pricing, panels, known);

        using var dual = new DualProgram(types, covered);
        foreach (var panel in panels)
        {
            dual.AddPanel(panel);
        }

        var fixedAt = new Dictionary<int, double>();
        var certifiedUpperBound = double.NaN;
        var stages = 0;
        while (fixedAt.Count < covered.Count)
        {
            stages++;
            dual.SetLevel(fixedAt);
            var (value, weights) = SolveLevel(dual, pricing, search, panels, known, out var upperBound);
            if (stages == 1)
            {
                certifiedUpperBound = upperBound;
            }

            var free = covered.Where(t => !fixedAt.ContainsKey(t)).ToList();
            var binding = free.Where(t => weights[t] > PositiveWeight).ToList();
            // Every panel has k seats, so the probabilities of all members sum to k: if the levels fixed so far
            // plus this level for everyone left already add up to k, nobody can be above this level.
            var seatsAccounted = fixedAt.Sum(f => f.Value * types.Types[f.Key].Size) + value * free.Sum(t => types.Types[t].Size);
            var everyoneLeftBinds = seatsAccounted >= panelSize - 1e-6;
            foreach (var t in everyoneLeftBinds || binding.Count == 0 ? free : binding)
            {
                fixedAt[t] = Math.Max(0, value - LevelSlack);
            }
        }

        var probabilities = PrimalProgram.Solve(types, covered, panels, fixedAt);
        return LeximinDistribution.Build(AlgorithmVersion, types, covered, panels, probabilities, certifiedUpperBound, stages, panels.Count);
    }

    /// <summary>The cover's panels are the first columns; the types no feasible panel can seat are left out of every level.</summary>
    private static List<int> Cover(MemberTypes types, PanelPricing pricing, List<PanelComposition> panels, HashSet<PanelComposition> known)
    {
        var (cover, unselectable) = PanelCover.Find(pricing, types.Types.Select(t => t.Index));
        foreach (var panel in cover)
        {
            known.Add(panel);
            panels.Add(panel);
        }

        if (panels.Count == 0)
        {
            // Every type is unselectable only if the pool is empty; a feasible panel still exists.
            var any = pricing.MostOf(new HashSet<int>()) ?? throw new InvalidOperationException("No quota-feasible panel exists; check feasibility first.");
            panels.Add(any.Panel);
            known.Add(any.Panel);
        }

        return types.Types.Select(t => t.Index).Where(t => !unselectable.Contains(t)).ToList();
    }

    /// <summary>Column generation for one level; returns the level's value, the dual weights, and an upper bound on the value.</summary>
    private static (double Value, double[] Weights) SolveLevel(
        DualProgram dual, PanelPricing pricing, SwapSearch search, List<PanelComposition> panels, HashSet<PanelComposition> known,
        out double upperBound)
    {
        while (true)
        {
            var (objective, cap, weights) = dual.Solve();
            var perPerson = dual.PerPerson(weights);
            if (AddSwappedPanels(dual, search, panels, known, perPerson, cap))
            {
                continue;
            }

            // Only exact pricing may end a level: it alone proves that no improving panel is left.
            var best = pricing.Best(perPerson) ?? throw new InvalidOperationException("The pricing problem became infeasible.");
            // Raising ŷ to the best panel's value makes the LP's weights feasible for all panels: a valid bound.
            upperBound = objective + Math.Max(0, best.UpperBound - cap);
            if (best.Panel.Value(perPerson) <= cap + ImprovementTolerance || !known.Add(best.Panel))
            {
                return (objective, weights);
            }

            panels.Add(best.Panel);
            dual.AddPanel(best.Panel);
            AddDampedPanels(dual, pricing, panels, known, perPerson, cap, best.Panel);
        }
    }

    /// <summary>
    /// Improves the best known panels under the new weights by single-seat swaps and adds every new panel that
    /// beats ŷ; false when none does, and exact pricing has to decide.
    /// </summary>
    private static bool AddSwappedPanels(
        DualProgram dual, SwapSearch search, List<PanelComposition> panels, HashSet<PanelComposition> known, double[] perPerson, double cap)
    {
        var starts = panels.Select((panel, index) => (Value: panel.Value(perPerson), Index: index))
            .OrderByDescending(p => p.Value).ThenBy(p => p.Index).Take(SwapStarts).Select(p => panels[p.Index]).ToList();
        var added = false;
        foreach (var start in starts)
        {
            var panel = search.Improve(start, perPerson);
            if (panel.Value(perPerson) > cap + ImprovementTolerance && known.Add(panel))
            {
                panels.Add(panel);
                dual.AddPanel(panel);
                added = true;
            }
        }

        return added;
    }

    private static void AddDampedPanels(
        DualProgram dual, PanelPricing pricing, List<PanelComposition> panels, HashSet<PanelComposition> known,
        double[] perPerson, double cap, PanelComposition last)
    {
        var damped = (double[])perPerson.Clone();
        for (var round = 0; round < ExtraPanelsPerRound; round++)
        {
            for (var t = 0; t < damped.Length; t++)
            {
                if (last.Counts[t] > 0)
                {
                    damped[t] *= DampingFactor;
                }
            }

            var next = pricing.Best(damped);
            if (next is null || next.Value.Panel.Value(perPerson) <= cap + ImprovementTolerance || !known.Add(next.Value.Panel))
            {
                return;
            }

            panels.Add(next.Value.Panel);
            dual.AddPanel(next.Value.Panel);
            last = next.Value.Panel;
        }
    }

    /// <summary>The dual LP of one leximin level, kept across levels so GLOP can warm-start.</summary>
    private sealed class DualProgram : IDisposable
    {
        private readonly Solver _solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("GLOP is not available.");
        private readonly MemberTypes _types;
        private readonly Variable?[] _weights;
        private readonly Variable _cap;
        private readonly Constraint _normalisation;

        public DualProgram(MemberTypes types, IReadOnlyList<int> covered)
        {
            _types = types;
            _weights = new Variable?[types.Types.Count];
            foreach (var t in covered)
            {
                _weights[t] = _solver.MakeNumVar(0, double.PositiveInfinity, $"y_{t}");
            }

            _cap = _solver.MakeNumVar(double.NegativeInfinity, double.PositiveInfinity, "cap");
            _normalisation = _solver.MakeConstraint(1, 1, "free_weights_sum_to_one");
            _solver.Objective().SetMinimization();
        }

        public void SetLevel(Dictionary<int, double> fixedAt)
        {
            var objective = _solver.Objective();
            objective.SetCoefficient(_cap, 1);
            for (var t = 0; t < _weights.Length; t++)
            {
                if (_weights[t] is { } y)
                {
                    var isFixed = fixedAt.TryGetValue(t, out var level);
                    objective.SetCoefficient(y, isFixed ? -level : 0);
                    _normalisation.SetCoefficient(y, isFixed ? 0 : 1);
                }
            }
        }

        public void AddPanel(PanelComposition panel)
        {
            var constraint = _solver.MakeConstraint(double.NegativeInfinity, 0);
            constraint.SetCoefficient(_cap, -1);
            for (var t = 0; t < _weights.Length; t++)
            {
                if (_weights[t] is { } y && panel.Counts[t] > 0)
                {
                    constraint.SetCoefficient(y, (double)panel.Counts[t] / _types.Types[t].Size);
                }
            }
        }

        public (double Objective, double Cap, double[] Weights) Solve()
        {
            var status = _solver.Solve();
            if (status != Solver.ResultStatus.OPTIMAL)
            {
                // A warm start can leave GLOP in a bad basis after many added rows; solving from scratch is exact.
                _solver.Reset();
                status = _solver.Solve();
            }

            if (status != Solver.ResultStatus.OPTIMAL)
            {
                throw new InvalidOperationException($"GLOP did not solve the leximin dual ({status}).");
            }

            var weights = _weights.Select(y => y is null ? 0 : Math.Max(0, y.SolutionValue())).ToArray();
            return (_solver.Objective().Value(), _cap.SolutionValue(), weights);
        }

        /// <summary>A type's weight spread over its members: the weight of one seat taken by that type.</summary>
        public double[] PerPerson(double[] weights) => weights.Select((w, t) => w / _types.Types[t].Size).ToArray();

        public void Dispose() => _solver.Dispose();
    }

    /// <summary>The final LP: panel probabilities that meet every fixed level (up to a minimised shortfall).</summary>
    private static class PrimalProgram
    {
        public static double[] Solve(MemberTypes types, IReadOnlyList<int> covered, List<PanelComposition> panels, Dictionary<int, double> fixedAt)
        {
            using var solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("GLOP is not available.");
            var p = panels.Select((_, i) => solver.MakeNumVar(0, 1, $"p_{i}")).ToArray();
            var shortfall = solver.MakeNumVar(0, double.PositiveInfinity, "shortfall");
            var sum = solver.MakeConstraint(1, 1, "probabilities_sum_to_one");
            foreach (var variable in p)
            {
                sum.SetCoefficient(variable, 1);
            }

            foreach (var t in covered)
            {
                var level = solver.MakeConstraint(fixedAt[t], double.PositiveInfinity, $"level_{t}");
                level.SetCoefficient(shortfall, 1);
                for (var i = 0; i < panels.Count; i++)
                {
                    if (panels[i].Counts[t] > 0)
                    {
                        level.SetCoefficient(p[i], (double)panels[i].Counts[t] / types.Types[t].Size);
                    }
                }
            }

            solver.Objective().SetCoefficient(shortfall, 1);
            solver.Objective().SetMinimization();
            if (solver.Solve() != Solver.ResultStatus.OPTIMAL)
            {
                throw new InvalidOperationException("GLOP did not solve the final leximin LP.");
            }

            return p.Select(v => Math.Max(0, v.SolutionValue())).Select(v => v < 1e-12 ? 0 : v).ToArray();
        }
    }
}
