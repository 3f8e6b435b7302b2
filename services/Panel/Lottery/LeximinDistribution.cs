namespace Civic.Panel.Lottery;

/// <summary>
/// The solver's answer: a probability distribution over quota-feasible panel compositions and what it
/// means for each member, with the optimality certificate for the minimum.
/// </summary>
public sealed class LeximinDistribution
{
    public required MemberTypes Types { get; init; }

    /// <summary>
    /// The solver and its settings, recorded with each draw: it changes whenever anything that decides a draw changes, and a
    /// draw verifies only against the same version.
    /// </summary>
    public required string AlgorithmVersion { get; init; }

    /// <summary>The panels with positive probability, in the (deterministic) order the solver found them.</summary>
    public required IReadOnlyList<PanelComposition> Panels { get; init; }

    /// <summary>Probability of each of <see cref="Panels"/>; they sum to 1.</summary>
    public required IReadOnlyList<double> PanelProbabilities { get; init; }

    /// <summary>Selection probability of one member of each type (index = type index), from the distribution itself.</summary>
    public required IReadOnlyList<double> TypeProbabilities { get; init; }

    /// <summary>The smallest selection probability among members that some feasible panel can seat.</summary>
    public required double MinimumProbability { get; init; }

    /// <summary>
    /// An upper bound on the minimum probability any distribution over feasible panels could achieve: from the
    /// dual of the first leximin stage with the pricing problem solved to optimality (column generation), or the
    /// first level of the type-space relaxation (<see cref="RelaxedLeximinSolver"/>).
    /// </summary>
    public required double CertifiedUpperBound { get; init; }

    /// <summary>Members (ids) no quota-feasible panel can seat: their probability is 0 whatever the algorithm.</summary>
    public required IReadOnlyList<string> Unselectable { get; init; }

    /// <summary>How many leximin levels were fixed, and how many panels the solver produced.</summary>
    public required int Stages { get; init; }

    public required int PanelsGenerated { get; init; }

    /// <summary>
    /// For <see cref="RelaxedLeximinSolver"/>: the largest amount by which a member's probability falls below their
    /// target in the relaxed leximin (how closely the later levels are met); 0 for exact column generation.
    /// </summary>
    public double TargetShortfall { get; init; }

    /// <summary><see cref="CertifiedUpperBound"/> minus <see cref="MinimumProbability"/> (never negative by more than LP tolerance).</summary>
    public double Gap => CertifiedUpperBound - MinimumProbability;

    /// <summary>Selection probability per member id.</summary>
    public IReadOnlyDictionary<string, double> MemberProbabilities() =>
        Types.Types.SelectMany(t => t.Members.Select(m => (m.Id, Probability: TypeProbabilities[t.Index])))
            .ToDictionary(x => x.Id, x => x.Probability, StringComparer.Ordinal);

    /// <summary>
    /// The distribution over the panels with positive probability (renormalised to sum to 1), with each type's
    /// probability computed from it; <paramref name="covered"/> are the types some feasible panel can seat.
    /// </summary>
    internal static LeximinDistribution Build(
        string algorithmVersion, MemberTypes types, IReadOnlyCollection<int> covered, IReadOnlyList<PanelComposition> panels, IReadOnlyList<double> probabilities,
        double certifiedUpperBound, int stages, int panelsGenerated, double targetShortfall = 0)
    {
        var used = Enumerable.Range(0, panels.Count).Where(p => probabilities[p] > 0).ToList();
        var total = used.Sum(p => probabilities[p]);
        var usedPanels = used.Select(p => panels[p]).ToList();
        var usedProbabilities = used.Select(p => probabilities[p] / total).ToList();
        var typeProbabilities = new double[types.Types.Count];
        for (var i = 0; i < usedPanels.Count; i++)
        {
            for (var t = 0; t < typeProbabilities.Length; t++)
            {
                typeProbabilities[t] += usedProbabilities[i] * usedPanels[i].Counts[t] / types.Types[t].Size;
            }
        }

        var coveredSet = covered.ToHashSet();
        return new LeximinDistribution
        {
            AlgorithmVersion = algorithmVersion,
            Types = types,
            Panels = usedPanels,
            PanelProbabilities = usedProbabilities,
            TypeProbabilities = typeProbabilities,
            MinimumProbability = covered.Count == 0 ? 0 : covered.Min(t => typeProbabilities[t]),
            CertifiedUpperBound = certifiedUpperBound,
            Unselectable = types.Types.Where(t => !coveredSet.Contains(t.Index)).SelectMany(t => t.Members.Select(m => m.Id)).Order(StringComparer.Ordinal).ToList(),
            Stages = stages,
            PanelsGenerated = panelsGenerated,
            TargetShortfall = targetShortfall,
        };
    }
}
