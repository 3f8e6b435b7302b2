using Civic.Panel.Fairness;

namespace Civic.Services.FunctionalTests.Panel.Pool;

public sealed class ParticipationDistributionTests
{
    [Fact]
    public void Of_EqualCounts_GiniZeroNobodyNeverInvited()
    {
        var d = ParticipationDistribution.Of(DateTimeOffset.UnixEpoch, 3, [2, 2, 2, 2]);

        Assert.Equal((0.0, 0.0, 8), (d.Gini, d.ShareNeverInvited, d.Seats));
    }

    [Fact]
    public void Of_OneMemberHasEverySeat_GiniAndTheUsualOnes()
    {
        var d = ParticipationDistribution.Of(DateTimeOffset.UnixEpoch, 4, [0, 0, 0, 4]);

        Assert.Equal(0.75, d.Gini, 10);
        Assert.Equal(0.75, d.ShareNeverInvited, 10);
        Assert.Equal((1, 1.0), (d.TopDecileMembers, d.TopDecileShareOfSeats));
    }

    [Fact]
    public void Of_TwentyMembers_TopDecileIsTheTwoWithMostSeats()
    {
        int[] counts = [5, 4, .. Enumerable.Repeat(1, 10), .. Enumerable.Repeat(0, 8)];

        var d = ParticipationDistribution.Of(DateTimeOffset.UnixEpoch, 19, counts);

        Assert.Equal(2, d.TopDecileMembers);
        Assert.Equal(9 / 19.0, d.TopDecileShareOfSeats, 10);
        Assert.Equal(8 / 20.0, d.ShareNeverInvited, 10);
        Assert.InRange(d.Gini, 0.5, 0.7);
    }

    [Fact]
    public void Of_NoSeatsOrNoMembers_Zeros()
    {
        Assert.Equal(0, ParticipationDistribution.Of(DateTimeOffset.UnixEpoch, 0, [0, 0]).Gini);
        Assert.Equal(0, ParticipationDistribution.Of(DateTimeOffset.UnixEpoch, 0, []).Members);
    }
}
