using Civic.Panel.Lottery;

namespace Civic.Services.FunctionalTests.Panel.Lottery;

/// <summary>Leximin on the published instances (known results in ../shared/panel-instances/README.md).</summary>
public sealed class LeximinInstanceTests
{
    private const double TenthOfAPercentagePoint = 0.001;

    [Fact]
    public void ExampleSmall20_EveryoneTenPercent()
    {
        var distribution = FairLottery.Distribution(LotteryInstances.Flanigan("example_small_20", 20));

        var probabilities = distribution.MemberProbabilities();
        Assert.Equal(200, probabilities.Count);
        Assert.All(probabilities.Values, p => Assert.InRange(p, 0.1 - TenthOfAPercentagePoint, 0.1 + TenthOfAPercentagePoint));
        Assert.InRange(distribution.Gap, -1e-6, TenthOfAPercentagePoint);
        Assert.Empty(distribution.Unselectable);
    }

    [Fact]
    public void ExampleLarge200_EveryoneTenPercent()
    {
        var distribution = FairLottery.Distribution(LotteryInstances.Flanigan("example_large_200", 200));

        var probabilities = distribution.MemberProbabilities();
        Assert.Equal(2000, probabilities.Count);
        Assert.All(probabilities.Values, p => Assert.InRange(p, 0.1 - TenthOfAPercentagePoint, 0.1 + TenthOfAPercentagePoint));
        Assert.InRange(distribution.Gap, -1e-6, TenthOfAPercentagePoint);
    }

    [Fact]
    public void SortitionFoundationPool_MinimumWithinTenthOfAPointOfCertifiedBound()
    {
        var problem = LotteryInstances.SortitionFoundation();
        var distribution = FairLottery.Distribution(problem);

        var probabilities = distribution.MemberProbabilities();
        Assert.Equal(150, probabilities.Count);
        Assert.InRange(distribution.CertifiedUpperBound - distribution.MinimumProbability, -1e-6, TenthOfAPercentagePoint);
        // The bound is a real restriction here: not everyone can have k/n.
        Assert.True(distribution.MinimumProbability < 22.0 / 150, $"minimum {distribution.MinimumProbability}");
        Assert.Equal(22, probabilities.Values.Sum(), 6);
        // Every panel the distribution uses is a valid panel of real people.
        var pool = problem.Pool.ToDictionary(m => m.Id);
        for (var seed = 1UL; seed <= 50; seed++)
        {
            var draw = FairLottery.Sample(problem, distribution, seed);
            Assert.True(PanelReplacement.Satisfies(problem, draw.Panel.Select(id => pool[id]).ToList()));
        }
    }
}
