namespace Civic.Panel.Lottery;

/// <summary>
/// Members the quotas cannot tell apart: the same value in every quota category and no housemate in the
/// eligible pool. The leximin marginals are unique and symmetric, so interchangeable members get the same
/// probability; the solver therefore works on types (2,000 people with two binary categories are four
/// types), and a drawn composition becomes people by a uniform choice within each type.
/// Members who share a household with another eligible member are each a type of their own, so that the
/// household rule can be stated on them.
/// </summary>
public sealed class MemberType
{
    internal MemberType(int index, IReadOnlyList<LotteryMember> members, int[] quotaIndexes, string? householdKey)
    {
        Index = index;
        Members = members;
        QuotaIndexes = quotaIndexes;
        HouseholdKey = householdKey;
    }

    public int Index { get; }

    /// <summary>The members of the type, in ordinal id order.</summary>
    public IReadOnlyList<LotteryMember> Members { get; }

    public int Size => Members.Count;

    /// <summary>The quotas (indexes into the problem's quota list) a member of this type counts towards.</summary>
    public int[] QuotaIndexes { get; }

    /// <summary>Set when the household rule applies to this (single-member) type.</summary>
    public string? HouseholdKey { get; }
}

/// <summary>The eligible pool grouped into <see cref="MemberType"/>s, in a canonical order.</summary>
public sealed class MemberTypes
{
    private MemberTypes(IReadOnlyList<MemberType> types, IReadOnlyList<int[]> households)
    {
        Types = types;
        Households = households;
    }

    public IReadOnlyList<MemberType> Types { get; }

    /// <summary>Groups of type indexes of which at most one may be on a panel.</summary>
    public IReadOnlyList<int[]> Households { get; }

    public static MemberTypes Build(IReadOnlyList<LotteryMember> eligibleMembers, IReadOnlyList<FeatureQuota> quotas, bool oneMemberPerHousehold)
    {
        var quotaIndex = new Dictionary<(string Category, string Value), int>();
        for (var i = 0; i < quotas.Count; i++)
        {
            quotaIndex[(quotas[i].Category, quotas[i].Value)] = i;
        }

        var sharedHouseholds = oneMemberPerHousehold
            ? eligibleMembers.Where(m => m.HouseholdKey is not null).GroupBy(m => m.HouseholdKey!, StringComparer.Ordinal)
                .Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal)
            : [];

        var groups = new SortedDictionary<string, (List<LotteryMember> Members, int[] Quotas, string? Household)>(StringComparer.Ordinal);
        foreach (var member in eligibleMembers)
        {
            var memberQuotas = member.Features
                .Select(f => quotaIndex.TryGetValue((f.Key, f.Value), out var index) ? index : -1)
                .Where(index => index >= 0).Order().ToArray();
            var household = member.HouseholdKey is not null && sharedHouseholds.Contains(member.HouseholdKey) ? member.HouseholdKey : null;
            // Quota indexes alone identify what the quotas see; a member in a shared household is keyed by id.
            var key = household is null ? "q:" + string.Join(',', memberQuotas) : "m:" + member.Id;
            if (!groups.TryGetValue(key, out var group))
            {
                group = ([], memberQuotas, household);
                groups[key] = group;
            }

            group.Members.Add(member);
        }

        var types = groups.Values
            .Select((g, i) => new MemberType(i, g.Members.OrderBy(m => m.Id, StringComparer.Ordinal).ToList(), g.Quotas, g.Household))
            .ToList();
        var households = types.Where(t => t.HouseholdKey is not null)
            .GroupBy(t => t.HouseholdKey!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Select(t => t.Index).ToArray())
            .ToList();
        return new MemberTypes(types, households);
    }
}
