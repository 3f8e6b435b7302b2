
namespace Civic.Panel.Lottery;

/// <summary>What a draw recorded, so that anyone can re-run it (see <see cref="FairLottery.Verify"/>).</summary>
public sealed record LotteryDraw(
    ulong Seed,
    string PoolSnapshotHash,
    string AlgorithmVersion,
    IReadOnlyList<string> Panel,
    IReadOnlyList<string> Reserves,
    IReadOnlyDictionary<string, double> MemberProbabilities,
    double MinimumProbability,
    double CertifiedUpperBound,
    IReadOnlyList<string> Unselectable,
    int Stages,
    int PanelsGenerated)
{
    /// <summary>Certified upper bound minus the achieved minimum, in probability (0.001 = 0.1 percentage point).</summary>
    public double Gap => CertifiedUpperBound - MinimumProbability;
}

/// <summary>The result of re-running a recorded draw.</summary>
public sealed record LotteryVerification(bool Reproduced, bool SnapshotMatches, bool PanelMatches, bool ReservesMatch, LotteryDraw Rerun);

/// <summary>
/// The fair, verifiable lottery: validate and explain the quotas, compute the leximin distribution, draw
/// one panel with a seeded source, order the reserves.
/// </summary>
public static class FairLottery
{
    /// <summary>
    /// Up to this many member types leximin is solved exactly by column generation (the Sortition Foundation pool,
    /// 122 types, in about a second); above it the master LP grows too slow (3,285 types did not finish in 14
    /// minutes) and <see cref="RelaxedLeximinSolver"/> is used.
    /// </summary>
    public const int ExactTypeLimit = 500;

    public static LotteryDraw Draw(LotteryProblem problem, ulong seed)
    {
        var distribution = Distribution(problem);
        return Sample(problem, distribution, seed);
    }

    /// <summary>Validates the problem, checks that the eligible pool can meet the quotas, and solves leximin.</summary>
    public static LeximinDistribution Distribution(LotteryProblem problem)
    {
        QuotaRules.Validate(problem);
        var types = MemberTypes.Build(problem.EligibleMembers(), problem.Quotas, problem.OneMemberPerHousehold);
        QuotaRules.EnsureFeasible(problem, types);
        return types.Types.Count <= ExactTypeLimit
            ? LeximinSolver.Solve(types, problem.Quotas, problem.PanelSize)
            : RelaxedLeximinSolver.Solve(types, problem.Quotas, problem.PanelSize);
    }

    /// <summary>Draws from an already computed distribution: one panel, then every other eligible member as an ordered reserve.</summary>
    public static LotteryDraw Sample(LotteryProblem problem, LeximinDistribution distribution, ulong seed)
    {
        var random = new SplitMix64(seed);
        var composition = PickPanel(distribution, random.NextDouble());
        var panel = new List<string>();
        foreach (var type in distribution.Types.Types)
        {
            panel.AddRange(Shuffled(type.Members.Select(m => m.Id).ToList(), random).Take(composition.Counts[type.Index]));
        }

        var seated = panel.ToHashSet(StringComparer.Ordinal);
        var others = problem.EligibleMembers().Select(m => m.Id).Where(id => !seated.Contains(id)).ToList();
        return new LotteryDraw(
            seed,
            PoolSnapshot.Hash(problem.EligibleMembers()),
            distribution.AlgorithmVersion,
            panel.Order(StringComparer.Ordinal).ToList(),
            Shuffled(others, random),
            distribution.MemberProbabilities(),
            distribution.MinimumProbability,
            distribution.CertifiedUpperBound,
            distribution.Unselectable,
            distribution.Stages,
            distribution.PanelsGenerated);
    }

    /// <summary>Re-runs the whole lottery on the same problem and seed and compares it with the record.</summary>
    public static LotteryVerification Verify(LotteryProblem problem, LotteryDraw recorded)
    {
        var rerun = Draw(problem, recorded.Seed);
        var snapshot = rerun.PoolSnapshotHash == recorded.PoolSnapshotHash;
        var panel = rerun.Panel.SequenceEqual(recorded.Panel, StringComparer.Ordinal);
        var reserves = rerun.Reserves.SequenceEqual(recorded.Reserves, StringComparer.Ordinal);
        var version = rerun.AlgorithmVersion == recorded.AlgorithmVersion;
        return new LotteryVerification(snapshot && panel && reserves && version, snapshot, panel, reserves, rerun);
    }

    private static PanelComposition PickPanel(LeximinDistribution distribution, double u)
    {
        var cumulative = 0.0;
        for (var i = 0; i < distribution.Panels.Count; i++)
        {
            cumulative += distribution.PanelProbabilities[i];
            if (u < cumulative)
            {
                return distribution.Panels[i];
            }
        }

        // u is below 1 and the probabilities sum to 1 up to rounding: the remainder belongs to the last panel.
        return distribution.Panels[^1];
    }

    // Fisher–Yates over a list in canonical order; the prefix of any length is a uniform random subset.
    private static List<string> Shuffled(List<string> ids, SplitMix64 random)
    {
        for (var i = 0; i < ids.Count - 1; i++)
        {
            var j = i + random.NextIndex(ids.Count - i);
            (ids[i], ids[j]) = (ids[j], ids[i]);
        }

        return ids;
    }
}
