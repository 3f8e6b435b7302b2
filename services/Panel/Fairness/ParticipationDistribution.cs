namespace Civic.Panel.Fairness;

/// <summary>One member's part in the panels up to a time: seats on drawn panels, and whether they were ever invited.</summary>
public readonly record struct MemberParticipation(int Seats, bool EverInvited);

/// <summary>How panel seats are spread over the members of the pool at one time.</summary>
public sealed record ParticipationDistribution(
    DateTimeOffset AsOf, int Members, int Draws, int Seats, double Gini, double ShareNeverInvited, double ShareNeverDrawn, int TopDecileMembers, double TopDecileShareOfSeats)
{
    /// <summary>
    /// The distribution over <paramref name="members"/>. Gini is 0 when everyone has the same seat count (also when
    /// nobody took part). "The usual ones" are the tenth of the members (rounded up) with the most seats, counting only
    /// members who had one. A drawn member counts as invited; a reserve asked to take a seat is invited without being drawn.
    /// </summary>
    public static ParticipationDistribution Of(DateTimeOffset asOf, int draws, IReadOnlyCollection<MemberParticipation> members)
    {
        var n = members.Count;
        if (n == 0)
        {
            return new(asOf, 0, draws, 0, 0, 0, 0, 0, 0);
        }

        var sorted = members.Select(m => m.Seats).Order().ToArray();
        var seats = sorted.Sum();
        var gini = seats == 0 ? 0 : (2.0 * sorted.Select((x, i) => (i + 1.0) * x).Sum() / (n * (double)seats)) - ((n + 1.0) / n);
        var top = sorted.Reverse().Take((n + 9) / 10).Where(x => x > 0).ToArray();
        var neverInvited = members.Count(m => !m.EverInvited && m.Seats == 0) / (double)n;
        var neverDrawn = sorted.Count(x => x == 0) / (double)n;
        return new(asOf, n, draws, seats, gini, neverInvited, neverDrawn, top.Length, seats == 0 ? 0 : top.Sum() / (double)seats);
    }
}
