namespace Civic.Panel.Lottery;

/// <summary>
/// The solver's answer: a probability distribution over quota-feasible panel compositions and what it
/// means for each member, with the optimality certificate for the minimum.
/// </summary>
public sealed class LeximinDistribution
{
    public required MemberTypes Types { get; init; }

    /// <summary>The panels with positive probability, in the (deterministic) order the solver found them.</summary>
    public required IReadOnlyList<PanelComposition> Panels { get; init; }

    /// <summary>Probability of each of <see cref="Panels"/>; they sum to 1.</summary>
    public required IReadOnlyList<double> PanelProbabilities { get; init; }

    /// <summary>Selection probability of one member of each type (index = type index), from the distribution itself.</summary>
    public required IReadOnlyList<double> TypeProbabilities { get; init; }

    /// <summary>The smallest selection probability among members that some feasible panel can seat.</summary>
    public required double MinimumProbability { get; init; }

    /// <summary>
    /// An upper bound, from the dual of the first leximin stage with the pricing problem solved to
    /// optimality, on the minimum probability any distribution over feasible panels could achieve.
    /// </summary>
    public required double CertifiedUpperBound { get; init; }

    /// <summary>Members (ids) no quota-feasible panel can seat: their probability is 0 whatever the algorithm.</summary>
    public required IReadOnlyList<string> Unselectable { get; init; }

    /// <summary>How many leximin levels were fixed, and how many panels column generation produced.</summary>
    public required int Stages { get; init; }

    public required int PanelsGenerated { get; init; }

    /// <summary><see cref="CertifiedUpperBound"/> minus <see cref="MinimumProbability"/> (never negative by more than LP tolerance).</summary>
    public double Gap => CertifiedUpperBound - MinimumProbability;

    /// <summary>Selection probability per member id.</summary>
    public IReadOnlyDictionary<string, double> MemberProbabilities() =>
        Types.Types.SelectMany(t => t.Members.Select(m => (m.Id, Probability: TypeProbabilities[t.Index])))
            .ToDictionary(x => x.Id, x => x.Probability, StringComparer.Ordinal);
}
