using Google.OrTools.LinearSolver;

namespace Civic.Panel.Lottery;

/// <summary>The leximin point of the type-space relaxation: its first level, the expected seats per type, and how many levels it took.</summary>
internal sealed record RelaxedLeximin(double FirstLevel, double[] ExpectedSeats, int Levels);

/// <summary>
/// Leximin over expected seat counts instead of panels: x_t real with 0 ≤ x_t ≤ |t|, Σx = k, every quota on the
/// sum over its types, at most one expected seat per shared household, x_t = 0 for unselectable types. The
/// expected seats of every lottery over quota-feasible panels satisfy all of these, so the first level (the
/// largest m with x_t ≥ m·|t| for every selectable type) is a certified upper bound on the minimum probability
/// any lottery can give, and the leximin point is a target for the panels to approximate.
/// Each level is a small LP: a free type's seats are written |t|·m + z_t with z_t ≥ 0, so "everyone free gets at
/// least m" costs no row per type (rows are the quotas and households only; x_t ≤ |t| becomes a row only for
/// the few types that would exceed it).
/// </summary>
internal static class TypeRelaxation
{
    // A reduced cost of z_t above this (in absolute value) means z_t = 0 in every optimum: the type is at the level.
    private const double PositiveReducedCost = 1e-9;

    // A level is fixed this much below the LP's value so that the next LP stays feasible despite LP tolerances.
    private const double LevelSlack = 1e-7;

    public static RelaxedLeximin Solve(MemberTypes types, IReadOnlyList<FeatureQuota> quotas, int panelSize, IReadOnlySet<int> unselectable)
    {
        var selectable = types.Types.Select(t => t.Index).Where(t => !unselectable.Contains(t)).ToList();
        var fixedAt = new Dictionary<int, double>();
        var firstLevel = 0.0;
        var seats = new double[types.Types.Count];
        var levels = 0;
        while (fixedAt.Count < selectable.Count)
        {
            levels++;
            using var program = new LevelProgram(types, quotas, panelSize, unselectable, fixedAt);
            var level = program.Solve();
            if (levels == 1)
            {
                firstLevel = level.Value;
            }

            seats = level.Seats;
            var free = selectable.Where(t => !fixedAt.ContainsKey(t)).ToList();
            // The probabilities of all members sum to k: if the fixed levels plus this level for everyone left already
            // add up to k, nobody left can be above this level.
            var seatsAccounted = fixedAt.Sum(f => f.Value * types.Types[f.Key].Size) + level.Value * free.Sum(t => types.Types[t].Size);
            var everyoneLeftBinds = seatsAccounted >= panelSize - 1e-6;
            foreach (var t in everyoneLeftBinds || level.Binding.Count == 0 ? free : level.Binding)
            {
                fixedAt[t] = Math.Max(0, level.Value - LevelSlack);
            }
        }

        return new RelaxedLeximin(firstLevel, seats, levels);
    }

    /// <summary>One level: maximise m with every free type at least m, every fixed type at least its level.</summary>
    private sealed class LevelProgram : IDisposable
    {
        private readonly Solver _solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("GLOP is not available.");
        private readonly MemberTypes _types;
        private readonly Variable _level;

        // x_t for fixed types, z_t (seats above |t|·m) for free types, null for unselectable types (x_t = 0).
        private readonly Variable?[] _seats;
        private readonly bool[] _free;
        private readonly HashSet<int> _capped = [];

        public LevelProgram(MemberTypes types, IReadOnlyList<FeatureQuota> quotas, int panelSize, IReadOnlySet<int> unselectable, Dictionary<int, double> fixedAt)
        {
            _types = types;
            _level = _solver.MakeNumVar(0, 1, "level");
            _seats = new Variable?[types.Types.Count];
            _free = new bool[types.Types.Count];
            foreach (var type in types.Types.Where(t => !unselectable.Contains(t.Index)))
            {
                var size = type.Size;
                if (fixedAt.TryGetValue(type.Index, out var level))
                {
                    _seats[type.Index] = _solver.MakeNumVar(Math.Min(level * size, size), size, $"x_{type.Index}");
                }
                else
                {
                    _free[type.Index] = true;
                    _seats[type.Index] = _solver.MakeNumVar(0, size, $"z_{type.Index}");
                }
            }

            var rows = new List<(Constraint Row, IEnumerable<int> Types)>
            {
                (_solver.MakeConstraint(panelSize, panelSize, "seats"), types.Types.Select(t => t.Index)),
            };
            for (var q = 0; q < quotas.Count; q++)
            {
                var quota = q;
                rows.Add((_solver.MakeConstraint(quotas[q].Min, quotas[q].Max, $"quota_{q}"), types.Types.Where(t => t.QuotaIndexes.Contains(quota)).Select(t => t.Index)));
            }

            for (var h = 0; h < types.Households.Count; h++)
            {
                rows.Add((_solver.MakeConstraint(double.NegativeInfinity, 1, $"household_{h}"), types.Households[h]));
            }

            foreach (var (row, members) in rows)
            {
                var levelCoefficient = 0.0;
                foreach (var t in members)
                {
                    if (_seats[t] is { } seats)
                    {
                        row.SetCoefficient(seats, 1);
                        levelCoefficient += _free[t] ? types.Types[t].Size : 0;
                    }
                }

                row.SetCoefficient(_level, levelCoefficient);
            }

            _solver.Objective().SetCoefficient(_level, 1);
            _solver.Objective().SetMaximization();
        }

        public (double Value, double[] Seats, List<int> Binding) Solve()
        {
            while (true)
            {
                if (_solver.Solve() != Solver.ResultStatus.OPTIMAL)
                {
                    throw new InvalidOperationException("GLOP did not solve a level of the relaxed leximin.");
                }

                var level = _level.SolutionValue();
                // A type whose cap is already a row is within it up to LP tolerance.
                var overFull = Enumerable.Range(0, _seats.Length)
                    .Where(t => _free[t] && !_capped.Contains(t) && (_types.Types[t].Size * level) + _seats[t]!.SolutionValue() > _types.Types[t].Size + 1e-9).ToList();
                if (overFull.Count == 0)
                {
                    var seats = Enumerable.Range(0, _seats.Length).Select(t => Seats(t, level)).ToArray();
                    var binding = Enumerable.Range(0, _seats.Length)
                        .Where(t => _free[t] && Math.Abs(_seats[t]!.ReducedCost()) > PositiveReducedCost).ToList();
                    return (level, seats, binding);
                }

                foreach (var t in overFull)
                {
                    _capped.Add(t);
                    // |t|·m + z_t ≤ |t|: a member's probability is at most 1.
                    var cap = _solver.MakeConstraint(double.NegativeInfinity, _types.Types[t].Size, $"cap_{t}");
                    cap.SetCoefficient(_level, _types.Types[t].Size);
                    cap.SetCoefficient(_seats[t]!, 1);
                }
            }
        }

        public void Dispose() => _solver.Dispose();

        private double Seats(int t, double level) => _seats[t] switch
        {
            null => 0,
            { } seats when _free[t] => Math.Clamp((_types.Types[t].Size * level) + seats.SolutionValue(), 0, _types.Types[t].Size),
            { } seats => Math.Clamp(seats.SolutionValue(), 0, _types.Types[t].Size),
        };
    }
}
