using Google.OrTools.Sat;

namespace Civic.Panel.Lottery;

/// <summary>
/// The integer program over quota-feasible panels, solved exactly with CP-SAT on one worker (so that the
/// same question always gets the same answer, which a verifiable draw needs). Variables are seats per
/// member type; constraints are the panel size, every quota and the household rule.
/// </summary>
public sealed class PanelPricing
{
    // Weights are scaled to integers for CP-SAT so that the largest conceivable panel value is about 1e9:
    // fine enough for the 1e-9 improvement tolerance, coarse enough that CP-SAT proves optimality quickly
    // (at 1e15 it searched for minutes to close the last units). The rounding is added to the bound.
    private const double ScaledPanelValue = 1e9;

    private readonly CpModel _model = new();
    private readonly IntVar[] _seats;
    private readonly int _panelSize;

    public PanelPricing(MemberTypes types, IReadOnlyList<FeatureQuota> quotas, int panelSize, IEnumerable<int>? onlyQuotas = null)
    {
        _panelSize = panelSize;
        _seats = types.Types.Select(t => _model.NewIntVar(0, t.Size, $"seats_{t.Index}")).ToArray();
        _model.Add(LinearExpr.Sum(_seats) == panelSize);
        foreach (var q in onlyQuotas ?? Enumerable.Range(0, quotas.Count))
        {
            var members = types.Types.Where(t => t.QuotaIndexes.Contains(q)).Select(t => _seats[t.Index]).ToArray();
            _model.AddLinearConstraint(LinearExpr.Sum(members), quotas[q].Min, quotas[q].Max);
        }

        foreach (var household in types.Households)
        {
            _model.Add(LinearExpr.Sum(household.Select(t => _seats[t])) <= 1);
        }
    }

    /// <summary>True when at least one panel satisfies every constraint of this model.</summary>
    public bool IsFeasible()
    {
        _model.Model.Objective = null;
        return Solve(out _) is not null;
    }

    /// <summary>
    /// The panel with the highest value under per-person weights (each ≥ 0), and an upper bound on the
    /// best value that holds despite the rounding of weights to integers.
    /// </summary>
    public (PanelComposition Panel, double UpperBound)? Best(IReadOnlyList<double> weightPerPerson)
    {
        var largest = weightPerPerson.Count == 0 ? 0 : weightPerPerson.Max();
        var scale = largest > 0 ? ScaledPanelValue / (largest * _panelSize) : 1;
        var coefficients = weightPerPerson.Select(w => (long)Math.Round(w * scale)).ToArray();
        _model.Model.Objective = null;
        _model.Maximize(LinearExpr.WeightedSum(_seats, coefficients));
        var panel = Solve(out var objective);
        if (panel is null)
        {
            return null;
        }

        // Each rounded weight is off by at most 0.5/scale, and at most k seats are counted.
        return (panel, objective / scale + 0.5 * _panelSize / scale);
    }

    /// <summary>A panel that seats as many members of the given types as possible; the count is 0 when none can be.</summary>
    public (PanelComposition Panel, long Seated)? MostOf(IReadOnlySet<int> typeIndexes)
    {
        _model.Model.Objective = null;
        _model.Maximize(LinearExpr.Sum(typeIndexes.Order().Select(t => _seats[t])));
        var panel = Solve(out var objective);
        return panel is null ? null : (panel, (long)Math.Round(objective));
    }

    private PanelComposition? Solve(out double objective)
    {
        var solver = new CpSolver { StringParameters = "num_workers:1" };
        var status = solver.Solve(_model);
        objective = 0;
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
        {
            return null;
        }

        if (status != CpSolverStatus.Optimal)
        {
            throw new InvalidOperationException($"CP-SAT stopped before proving optimality ({status}).");
        }

        objective = _model.Model.Objective is not null ? solver.ObjectiveValue : 0;
        return new PanelComposition(_seats.Select(s => (int)solver.Value(s)).ToArray());
    }
}
