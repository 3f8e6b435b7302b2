using Civic.Hosting.Errors;
using Civic.Panel.Lottery;

namespace Civic.Services.FunctionalTests.Panel.Lottery;

/// <summary>Drawing, reproducing and explaining: the lottery's guarantees as properties over many draws.</summary>
public sealed class LotteryDrawTests
{
    /// <summary>
    /// 60 members with skewed features and several two- and three-person households, k = 8: small enough
    /// to draw thousands of times, constrained enough that probabilities differ.
    /// </summary>
    internal static LotteryProblem HouseholdPool(string? changedMember = null)
    {
        var ages = new[] { "18-29", "30-49", "30-49", "50+", "50+", "50+" };
        var districts = new[] { "nord", "syd", "syd", "syd" };
        var members = Enumerable.Range(0, 60).Select(i => new LotteryMember(
            $"m{i:D2}",
            new Dictionary<string, string>
            {
                ["age"] = ages[i % ages.Length],
                ["district"] = $"m{i:D2}" == changedMember ? "nord" : districts[(i / 3) % districts.Length],
            },
            i < 24 ? $"h{i / 3}" : i < 36 ? $"h{i / 2}" : null)).ToList();
        var quotas = new List<FeatureQuota>
        {
            new("age", "18-29", 2, 4), new("age", "30-49", 2, 4), new("age", "50+", 2, 4),
            new("district", "nord", 3, 5), new("district", "syd", 3, 5),
        };
        return new LotteryProblem(members, 8, quotas, ["m59"]);
    }

    [Fact]
    public void EveryDrawnPanel_SatisfiesEveryQuotaAndTheHouseholdRule()
    {
        var problem = HouseholdPool();
        var distribution = FairLottery.Distribution(problem);
        var pool = problem.Pool.ToDictionary(m => m.Id);

        for (var seed = 0UL; seed < 500; seed++)
        {
            var draw = FairLottery.Sample(problem, distribution, seed);
            Assert.True(PanelReplacement.Satisfies(problem, draw.Panel.Select(id => pool[id]).ToList()), $"seed {seed}: {string.Join(",", draw.Panel)}");
            Assert.DoesNotContain("m59", draw.Panel);
            Assert.DoesNotContain("m59", draw.Reserves);
            Assert.Equal(59, draw.Panel.Count + draw.Reserves.Count);
        }
    }

    /// <summary>
    /// Over N = 20,000 draws each member's empirical frequency f must lie within 5 standard errors
    /// (sqrt(p(1-p)/N), at most 0.35 pp here) of the reported probability p, plus 1e-6 for LP rounding.
    /// With 59 members a correct sampler fails this with probability below 1e-4 (and the seeds are fixed).
    /// </summary>
    [Fact]
    public void EmpiricalFrequencies_MatchReportedProbabilities()
    {
        const int draws = 20_000;
        var problem = HouseholdPool();
        var distribution = FairLottery.Distribution(problem);
        var counts = problem.EligibleMembers().ToDictionary(m => m.Id, _ => 0);
        for (var seed = 0UL; seed < draws; seed++)
        {
            foreach (var id in FairLottery.Sample(problem, distribution, seed).Panel)
            {
                counts[id]++;
            }
        }

        var probabilities = distribution.MemberProbabilities();
        Assert.True(probabilities.Values.Max() - probabilities.Values.Min() > 0.01, "the instance should give unequal probabilities");
        foreach (var (id, count) in counts)
        {
            var p = probabilities[id];
            var tolerance = (5 * Math.Sqrt(p * (1 - p) / draws)) + 1e-6;
            Assert.True(Math.Abs(((double)count / draws) - p) <= tolerance, $"{id}: reported {p:P3}, drawn {(double)count / draws:P3} (tolerance {tolerance:P3})");
        }
    }

    [Fact]
    public void Leximin_MinimumMeetsCertifiedBoundAndHouseholdsShareTheirChance()
    {
        var distribution = FairLottery.Distribution(HouseholdPool());

        Assert.InRange(distribution.Gap, -1e-6, 0.001);
        var probabilities = distribution.MemberProbabilities();
        Assert.Equal(8, probabilities.Values.Sum(), 6);
        // Three housemates share one seat at most, so each has at most a third.
        Assert.True(probabilities["m00"] + probabilities["m01"] + probabilities["m02"] <= 1 + 1e-6);
    }

    [Fact]
    public void SameInputsAndSeed_SamePanel_AndVerifyReproducesIt()
    {
        var first = FairLottery.Draw(HouseholdPool(), 42);
        var second = FairLottery.Draw(HouseholdPool(), 42);

        Assert.Equal(first.Panel, second.Panel);
        Assert.Equal(first.Reserves, second.Reserves);
        Assert.Equal(first.PoolSnapshotHash, second.PoolSnapshotHash);
        var verification = FairLottery.Verify(HouseholdPool(), first);
        Assert.True(verification.Reproduced);
        Assert.NotEqual(first.Panel, FairLottery.Draw(HouseholdPool(), 43).Panel);
    }

    [Fact]
    public void OneChangedMember_DifferentSnapshotHash_AndVerifyFails()
    {
        var recorded = FairLottery.Draw(HouseholdPool(), 42);

        var changed = FairLottery.Verify(HouseholdPool(changedMember: "m05"), recorded);

        Assert.NotEqual(recorded.PoolSnapshotHash, changed.Rerun.PoolSnapshotHash);
        Assert.False(changed.SnapshotMatches);
        Assert.False(changed.Reproduced);
    }

    [Fact]
    public void UnselectableMembers_AreReportedWithProbabilityZero()
    {
        var problem = HouseholdPool() with { Quotas = [.. HouseholdPool().Quotas.Where(q => q.Category != "age"), new("age", "18-29", 0, 0), new("age", "30-49", 3, 5), new("age", "50+", 3, 5)] };

        var distribution = FairLottery.Distribution(problem);

        Assert.Equal(10, distribution.Unselectable.Count);
        Assert.All(distribution.Unselectable, id => Assert.Equal(0, distribution.MemberProbabilities()[id]));
        Assert.True(distribution.MinimumProbability > 0);
    }

    [Fact]
    public void Replacement_IsTheFirstReserveThatKeepsTheQuotas()
    {
        var problem = HouseholdPool();
        var draw = FairLottery.Draw(problem, 7);
        var pool = problem.Pool.ToDictionary(m => m.Id);
        var leaving = draw.Panel[0];

        var replacement = PanelReplacement.Next(problem, draw.Panel, leaving, draw.Reserves);

        Assert.NotNull(replacement);
        var newPanel = draw.Panel.Where(id => id != leaving).Append(replacement).Select(id => pool[id]).ToList();
        Assert.True(PanelReplacement.Satisfies(problem, newPanel));
        var earlier = draw.Reserves.TakeWhile(id => id != replacement);
        Assert.All(earlier, id => Assert.False(PanelReplacement.Satisfies(problem, [.. draw.Panel.Where(p => p != leaving).Select(p => pool[p]), pool[id]])));
    }

    [Fact]
    public void MinimaAboveK_RefusedAsInvalidNamingTheCategory()
    {
        var problem = HouseholdPool() with { Quotas = [new("age", "18-29", 4, 8), new("age", "30-49", 4, 8), new("age", "50+", 4, 8)] };

        var exception = Assert.Throws<ValidationException>(() => FairLottery.Distribution(problem));

        Assert.Contains("minima of category age add up to 12 seats, more than the panel's 8", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MaximaBelowK_RefusedAsInvalidNamingTheCategory()
    {
        var problem = HouseholdPool() with { Quotas = [new("district", "nord", 0, 3), new("district", "syd", 0, 4)] };

        var exception = Assert.Throws<ValidationException>(() => FairLottery.Distribution(problem));

        Assert.Contains("maxima of category district add up to 7 seats", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValueWithoutQuota_RefusedAsInvalid()
    {
        var problem = HouseholdPool() with { Quotas = [new("age", "18-29", 0, 8), new("age", "30-49", 0, 8)] };

        var exception = Assert.Throws<ValidationException>(() => FairLottery.Distribution(problem));

        Assert.Contains("age = 50+, a value without a quota", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KLargerThanEligiblePool_FailedPrecondition()
    {
        var problem = HouseholdPool() with { PanelSize = 60, Quotas = [] };

        var exception = Assert.Throws<FailedPreconditionException>(() => FairLottery.Distribution(problem));

        Assert.Contains("needs 60 members but only 59 are eligible", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MinimumThePoolCannotMeet_FailedPreconditionNamingTheValue()
    {
        // 10 members are 18-29; with 7 of them excluded (conflict of interest) 3 remain for a minimum of 4.
        var problem = HouseholdPool() with
        {
            Quotas = [new("age", "18-29", 4, 8), new("age", "30-49", 0, 8), new("age", "50+", 0, 8)],
            Exclusions = ["m59", "m00", "m06", "m12", "m18", "m24", "m30", "m36"],
        };

        var exception = Assert.Throws<FailedPreconditionException>(() => FairLottery.Distribution(problem));

        Assert.Contains("age = 18-29 needs at least 4 seats but the eligible pool has only 3 such members", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CategoriesThatConflict_FailedPreconditionNamingBoth()
    {
        // Every 18-29 member lives in syd or nord; demanding 4 young and at most 0 of both districts' young is
        // only detectable jointly: here, require 4 nord and 4 from the age group that has no nord member.
        var members = Enumerable.Range(0, 20).Select(i => new LotteryMember($"x{i:D2}", new Dictionary<string, string>
        {
            ["age"] = i < 10 ? "young" : "old",
            ["district"] = i < 10 ? "syd" : "nord",
        })).ToList();
        var problem = new LotteryProblem(members, 4, [new("age", "young", 3, 4), new("age", "old", 0, 4), new("district", "nord", 3, 4), new("district", "syd", 0, 4)], []);

        var exception = Assert.Throws<FailedPreconditionException>(() => FairLottery.Distribution(problem));

        Assert.Contains("categories age and district at the same time", exception.Message, StringComparison.Ordinal);
    }
}
