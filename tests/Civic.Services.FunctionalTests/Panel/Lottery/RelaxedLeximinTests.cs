using Civic.Bench.PanelLottery;
using Civic.Panel.Lottery;

namespace Civic.Services.FunctionalTests.Panel.Lottery;

/// <summary>
/// The relaxed leximin (type-space relaxation + herding) used for pools with many member types: its bound is a
/// real upper bound, its panels are real panels, its probabilities are what the draws deliver, and it reproduces.
/// </summary>
public sealed class RelaxedLeximinTests
{
    private static LeximinDistribution Relaxed(LotteryProblem problem) =>
        RelaxedLeximinSolver.Solve(MemberTypes.Build(problem.EligibleMembers(), problem.Quotas, problem.OneMemberPerHousehold), problem.Quotas, problem.PanelSize);

    /// <summary>A pool with more types (652) than <see cref="FairLottery.ExactTypeLimit"/>, small enough for a test.</summary>
    private static LotteryProblem ManyTypes() => SyntheticPool.Create(700, 8, 50, seed: 7);

    [Fact]
    public void HouseholdPool_BoundIsAtLeastTheExactOptimum_AndNoLotteryBeatsIt()
    {
        var problem = LotteryDrawTests.HouseholdPool();
        var exact = FairLottery.Distribution(problem);
        Assert.InRange(exact.Gap, -1e-6, 1e-6);

        var relaxed = Relaxed(problem);

        // The relaxation contains every lottery, so its first level bounds the proven optimum from above ...
        Assert.True(relaxed.CertifiedUpperBound >= exact.MinimumProbability - 1e-6, $"bound {relaxed.CertifiedUpperBound} < optimum {exact.MinimumProbability}");
        // ... and the lottery herding builds is a real lottery, so it cannot beat the optimum.
        Assert.True(relaxed.MinimumProbability <= exact.MinimumProbability + 1e-6, $"minimum {relaxed.MinimumProbability} > optimum {exact.MinimumProbability}");
        Assert.True(relaxed.MinimumProbability > 0);
        Assert.Equal(8, relaxed.MemberProbabilities().Values.Sum(), 6);
    }

    [Fact]
    public void HouseholdPool_EveryDrawnPanelSatisfiesEveryQuotaAndTheHouseholdRule()
    {
        var problem = LotteryDrawTests.HouseholdPool();
        var distribution = Relaxed(problem);
        var pool = problem.Pool.ToDictionary(m => m.Id);

        for (var seed = 0UL; seed < 500; seed++)
        {
            var draw = FairLottery.Sample(problem, distribution, seed);
            Assert.True(PanelReplacement.Satisfies(problem, draw.Panel.Select(id => pool[id]).ToList()), $"seed {seed}: {string.Join(",", draw.Panel)}");
        }
    }

    /// <summary>Same statistical test as for column generation: 20,000 draws, each member within 5 standard errors.</summary>
    [Fact]
    public void HouseholdPool_EmpiricalFrequenciesMatchReportedProbabilities()
    {
        const int draws = 20_000;
        var problem = LotteryDrawTests.HouseholdPool();
        var distribution = Relaxed(problem);
        var counts = problem.EligibleMembers().ToDictionary(m => m.Id, _ => 0);
        for (var seed = 0UL; seed < draws; seed++)
        {
            foreach (var id in FairLottery.Sample(problem, distribution, seed).Panel)
            {
                counts[id]++;
            }
        }

        var probabilities = distribution.MemberProbabilities();
        foreach (var (id, count) in counts)
        {
            var p = probabilities[id];
            var tolerance = (5 * Math.Sqrt(p * (1 - p) / draws)) + 1e-6;
            Assert.True(Math.Abs(((double)count / draws) - p) <= tolerance, $"{id}: reported {p:P3}, drawn {(double)count / draws:P3} (tolerance {tolerance:P3})");
        }
    }

    [Fact]
    public void ManyTypes_UsesTheRelaxation_MinimumWithinTenthOfAPointOfTheBound_AndEveryPanelIsValid()
    {
        var problem = ManyTypes();
        var distribution = FairLottery.Distribution(problem);

        Assert.True(distribution.Types.Types.Count > FairLottery.ExactTypeLimit, $"{distribution.Types.Types.Count} types");
        Assert.InRange(distribution.Gap, -1e-6, 0.001);
        // The stopping rule: within the tolerance of the relaxed target, or the panel limit reached (as here: k = 50 of 700 is
        // tight, and herding ends about 0.075 pp short).
        Assert.True(distribution.TargetShortfall <= RelaxedLeximinSolver.Tolerance || distribution.PanelsGenerated == RelaxedLeximinSolver.MaxPanels);
        Assert.True(distribution.TargetShortfall >= distribution.Gap - 1e-6, "the first level's shortfall is part of the target shortfall");
        Assert.Equal(50, distribution.MemberProbabilities().Values.Sum(), 6);
        foreach (var panel in distribution.Panels)
        {
            Assert.True(Satisfies(problem, distribution.Types, panel));
        }
    }

    [Fact]
    public void ManyTypes_SameInputsAndSeed_SamePanel_AndVerifyReproducesIt()
    {
        var first = FairLottery.Draw(ManyTypes(), 42);

        var verification = FairLottery.Verify(ManyTypes(), first);

        Assert.True(verification.Reproduced);
        Assert.Equal(first.MemberProbabilities, verification.Rerun.MemberProbabilities);
        Assert.Equal(50, first.Panel.Count);
    }

    // A composition is checked on the quotas directly (every type's seats counted towards its values).
    private static bool Satisfies(LotteryProblem problem, MemberTypes types, PanelComposition panel)
    {
        var members = types.Types.SelectMany(t => t.Members.Take(panel.Counts[t.Index])).ToList();
        return PanelReplacement.Satisfies(problem, members);
    }
}
