namespace Civic.Panel.Fairness;

/// <summary>How panel seats are spread over the members of the pool at one time.</summary>
public sealed record ParticipationDistribution(
    DateTimeOffset AsOf, int Members, int Draws, int Seats, double Gini, double ShareNeverInvited, int TopDecileMembers, double TopDecileShareOfSeats)
{
    /// <summary>
    /// The distribution of <paramref name="counts"/> (one participation count per member). Gini is 0 when
    /// everyone has the same count (also when nobody took part). "The usual ones" are the tenth of the members
    /// (rounded up) with the most seats, counting only members who had one.
    /// </summary>
    public static ParticipationDistribution Of(DateTimeOffset asOf, int draws, IReadOnlyCollection<int> counts)
    {
        var n = counts.Count;
        var seats = counts.Sum();
        if (n == 0)
        {
            return new(asOf, 0, draws, 0, 0, 0, 0, 0);
        }

        var sorted = counts.Order().ToArray();
        var gini = seats == 0 ? 0 : (2.0 * sorted.Select((x, i) => (i + 1.0) * x).Sum() / (n * (double)seats)) - ((n + 1.0) / n);
        var top = sorted.Reverse().Take((n + 9) / 10).Where(x => x > 0).ToArray();
        return new(asOf, n, draws, seats, gini, sorted.Count(x => x == 0) / (double)n, top.Length, seats == 0 ? 0 : top.Sum() / (double)seats);
    }
}
