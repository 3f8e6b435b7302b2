namespace Civic.Panel.Lottery;

/// <summary>One eligible volunteer as the lottery sees them: an id, a value per feature category, and a household.</summary>
/// <param name="Id">Stable member id; it orders members canonically (ordinal), so draws are reproducible.</param>
/// <param name="Features">Category → value, e.g. "age_band" → "30-44".</param>
/// <param name="HouseholdKey">Members with the same key live together; null means a household of one.</param>
public sealed record LotteryMember(string Id, IReadOnlyDictionary<string, string> Features, string? HouseholdKey = null);

/// <summary>How many seats (inclusive) members with <paramref name="Value"/> in <paramref name="Category"/> may take.</summary>
public sealed record FeatureQuota(string Category, string Value, int Min, int Max);

/// <summary>Everything a draw depends on apart from the seed.</summary>
/// <param name="Pool">The whole pool; <paramref name="Exclusions"/> are removed before anything else.</param>
/// <param name="PanelSize">k, the number of seats.</param>
/// <param name="Quotas">Min/max seats per feature value. A value present in the pool without a quota is unconstrained.</param>
/// <param name="Exclusions">Member ids that may not be drawn (conflict of interest, cool-down, withdrawn).</param>
/// <param name="OneMemberPerHousehold">At most one member per household key on the panel.</param>
public sealed record LotteryProblem(
    IReadOnlyList<LotteryMember> Pool,
    int PanelSize,
    IReadOnlyList<FeatureQuota> Quotas,
    IReadOnlyCollection<string> Exclusions,
    bool OneMemberPerHousehold = true)
{
    /// <summary>The members that may be drawn, in canonical (ordinal id) order.</summary>
    public IReadOnlyList<LotteryMember> EligibleMembers()
    {
        var excluded = Exclusions.ToHashSet(StringComparer.Ordinal);
        return Pool.Where(m => !excluded.Contains(m.Id)).OrderBy(m => m.Id, StringComparer.Ordinal).ToList();
    }
}
