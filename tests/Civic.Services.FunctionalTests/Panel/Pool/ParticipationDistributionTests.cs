using Civic.Panel.Fairness;

namespace Civic.Services.FunctionalTests.Panel.Pool;

public sealed class ParticipationDistributionTests
{
    private static MemberParticipation[] Drawn(params int[] seats) => [.. seats.Select(s => new MemberParticipation(s, EverInvited: s > 0))];

    [Fact]
    public void Of_EqualCounts_GiniZeroNobodyNeverInvited()
    {
        var d = ParticipationDistribution.Of(DateTimeOffset.UnixEpoch, 3, Drawn(2, 2, 2, 2));

        Assert.Equal((0.0, 0.0, 0.0, 8), (d.Gini, d.ShareNeverInvited, d.ShareNeverDrawn, d.Seats));
    }

    [Fact]
    public void Of_OneMemberHasEverySeat_GiniAndTheUsualOnes()
    {
        var d = ParticipationDistribution.Of(DateTimeOffset.UnixEpoch, 4, Drawn(0, 0, 0, 4));

        Assert.Equal(0.75, d.Gini, 10);
        Assert.Equal(0.75, d.ShareNeverInvited, 10);
        Assert.Equal((1, 1.0), (d.TopDecileMembers, d.TopDecileShareOfSeats));
    }

    [Fact]
    public void Of_TwentyMembers_TopDecileIsTheTwoWithMostSeats()
    {
        var d = ParticipationDistribution.Of(DateTimeOffset.UnixEpoch, 19, Drawn([5, 4, .. Enumerable.Repeat(1, 10), .. Enumerable.Repeat(0, 8)]));

        Assert.Equal(2, d.TopDecileMembers);
        Assert.Equal(9 / 19.0, d.TopDecileShareOfSeats, 10);
        Assert.Equal(8 / 20.0, d.ShareNeverInvited, 10);
        Assert.InRange(d.Gini, 0.5, 0.7);
    }

    [Fact]
    public void Of_AReserveInvitedButNeverDrawn_CountsAsInvitedNotAsDrawn()
    {
        var d = ParticipationDistribution.Of(DateTimeOffset.UnixEpoch, 1, [new(1, true), new(0, true), new(0, false), new(0, false)]);

        Assert.Equal((0.5, 0.75), (d.ShareNeverInvited, d.ShareNeverDrawn));
    }

    [Fact]
    public void Of_NoSeatsOrNoMembers_Zeros()
    {
        Assert.Equal(0, ParticipationDistribution.Of(DateTimeOffset.UnixEpoch, 0, Drawn(0, 0)).Gini);
        Assert.Equal(0, ParticipationDistribution.Of(DateTimeOffset.UnixEpoch, 0, []).Members);
    }
}
