namespace Civic.Panel.Lottery;

/// <summary>Who takes a seat that a drawn member gives up.</summary>
public static class PanelReplacement
{
    /// <summary>
    /// The first reserve in draw order with whom the panel still meets every quota and the household rule,
    /// or null if none does.
    /// </summary>
    public static string? Next(LotteryProblem problem, IReadOnlyCollection<string> panel, string leaving, IEnumerable<string> reserves)
    {
        var members = problem.Pool.ToDictionary(m => m.Id, StringComparer.Ordinal);
        var remaining = panel.Where(id => id != leaving).ToList();
        return reserves.Where(id => !remaining.Contains(id, StringComparer.Ordinal) && id != leaving)
            .FirstOrDefault(candidate => Satisfies(problem, remaining.Append(candidate).Select(id => members[id]).ToList()));
    }

    /// <summary>Whether a set of members is a valid panel: size, every quota, and at most one per household.</summary>
    public static bool Satisfies(LotteryProblem problem, IReadOnlyList<LotteryMember> panel)
    {
        if (panel.Count != problem.PanelSize)
        {
            return false;
        }

        foreach (var quota in problem.Quotas)
        {
            var seats = panel.Count(m => m.Features.TryGetValue(quota.Category, out var value) && value == quota.Value);
            if (seats < quota.Min || seats > quota.Max)
            {
                return false;
            }
        }

        return !problem.OneMemberPerHousehold
            || panel.Where(m => m.HouseholdKey is not null).GroupBy(m => m.HouseholdKey, StringComparer.Ordinal).All(g => g.Count() == 1);
    }
}
