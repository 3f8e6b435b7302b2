using Civic.Hosting.Errors;

namespace Civic.Panel.Lottery;

/// <summary>
/// Checks a lottery problem before anything is solved, and explains infeasible quotas instead of relaxing
/// them: input that is wrong in itself is a <see cref="ValidationException"/>; quotas the eligible pool
/// cannot meet are a <see cref="FailedPreconditionException"/> naming the category and value.
/// </summary>
public static class QuotaRules
{
    /// <summary>Quotas and panel size, on their own and against the members' values.</summary>
    public static void Validate(LotteryProblem problem)
    {
        var violations = new FieldViolations();
        var k = problem.PanelSize;
        if (k < 1)
        {
            violations.Add("panel_size", $"The panel size must be at least 1 (it is {k}).", $"Panelets størrelse skal være mindst 1 (nu {k}).");
        }

        foreach (var q in problem.Quotas)
        {
            if (q.Min < 0 || q.Max < q.Min)
            {
                violations.Add("quotas", $"The quota for {q.Category} = {q.Value} must have 0 ≤ min ≤ max (it is {q.Min}–{q.Max}).",
                    $"Kvoten for {q.Category} = {q.Value} skal opfylde 0 ≤ min ≤ maks (nu {q.Min}–{q.Max}).");
            }
        }

        foreach (var duplicate in problem.Quotas.GroupBy(q => (q.Category, q.Value)).Where(g => g.Count() > 1))
        {
            violations.Add("quotas", $"{duplicate.Key.Category} = {duplicate.Key.Value} has more than one quota.",
                $"{duplicate.Key.Category} = {duplicate.Key.Value} har mere end én kvote.");
        }

        foreach (var category in problem.Quotas.GroupBy(q => q.Category, StringComparer.Ordinal))
        {
            var minima = category.Sum(q => q.Min);
            var maxima = category.Sum(q => q.Max);
            if (minima > k)
            {
                violations.Add("quotas", $"The minima of category {category.Key} add up to {minima} seats, more than the panel's {k}.",
                    $"Minimumskvoterne i kategorien {category.Key} giver tilsammen {minima} pladser, flere end panelets {k}.");
            }

            if (maxima < k)
            {
                violations.Add("quotas", $"The maxima of category {category.Key} add up to {maxima} seats, so a panel of {k} cannot be filled.",
                    $"Maksimumskvoterne i kategorien {category.Key} giver tilsammen kun {maxima} pladser, så et panel på {k} kan ikke fyldes.");
            }
        }

        var valuesByCategory = problem.Quotas.GroupBy(q => q.Category, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(q => q.Value).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var member in problem.EligibleMembers())
        {
            foreach (var (category, values) in valuesByCategory)
            {
                if (!member.Features.TryGetValue(category, out var value))
                {
                    violations.Add("pool", $"Member {member.Id} has no value for category {category}, which has quotas.",
                        $"Medlem {member.Id} har ingen værdi for kategorien {category}, som der er kvoter for.");
                }
                else if (!values.Contains(value))
                {
                    violations.Add("quotas", $"Member {member.Id} has {category} = {value}, a value without a quota; give every value of a category with quotas a quota (min 0, max {k} leaves it free).",
                        $"Medlem {member.Id} har {category} = {value}, en værdi uden kvote; giv hver værdi i en kategori med kvoter en kvote (min 0, maks {k} lader den være fri).");
                }
            }
        }

        violations.ThrowIfAny();
    }

    /// <summary>Whether the eligible pool can fill a panel under the quotas; throws with the reasons if not.</summary>
    public static void EnsureFeasible(LotteryProblem problem, MemberTypes types)
    {
        var k = problem.PanelSize;
        var eligible = types.Types.Sum(t => t.Size);
        var reasons = new List<(string English, string Danish)>();
        if (k > eligible)
        {
            reasons.Add(($"The panel needs {k} members but only {eligible} are eligible.", $"Panelet skal have {k} medlemmer, men kun {eligible} kan trækkes."));
        }
        else if (problem.OneMemberPerHousehold)
        {
            var households = eligible - types.Households.Sum(h => h.Length - 1);
            if (k > households)
            {
                reasons.Add(($"The panel needs {k} members from different households but the eligible pool has only {households} households.",
                    $"Panelet skal have {k} medlemmer fra forskellige husstande, men der er kun {households} husstande blandt dem, der kan trækkes."));
            }
        }

        var available = SeatsAvailablePerQuota(problem, types);
        for (var q = 0; q < problem.Quotas.Count; q++)
        {
            var quota = problem.Quotas[q];
            if (available[q] < quota.Min)
            {
                reasons.Add(($"{quota.Category} = {quota.Value} needs at least {quota.Min} seats but the eligible pool has only {available[q]} such members (from different households).",
                    $"{quota.Category} = {quota.Value} skal have mindst {quota.Min} pladser, men der er kun {available[q]} sådanne medlemmer (fra forskellige husstande), der kan trækkes."));
            }
        }

        foreach (var category in Enumerable.Range(0, problem.Quotas.Count).GroupBy(q => problem.Quotas[q].Category, StringComparer.Ordinal))
        {
            var reachable = category.Sum(q => Math.Min(problem.Quotas[q].Max, available[q]));
            if (reachable < k)
            {
                reasons.Add(($"With the eligible pool, the maxima of category {category.Key} can fill at most {reachable} of {k} seats.",
                    $"Med dem, der kan trækkes, kan maksimumskvoterne i kategorien {category.Key} højst fylde {reachable} af {k} pladser."));
            }
        }

        if (reasons.Count == 0 && !new PanelPricing(types, problem.Quotas, k).IsFeasible())
        {
            reasons.Add(ConflictingCategories(problem, types));
        }

        if (reasons.Count > 0)
        {
            throw new FailedPreconditionException(
                "The quotas cannot be met: " + string.Join(" ", reasons.Select(r => r.English)),
                "Kvoterne kan ikke opfyldes: " + string.Join(" ", reasons.Select(r => r.Danish)));
        }
    }

    // A value's members count at most once per household towards the seats it can get.
    private static int[] SeatsAvailablePerQuota(LotteryProblem problem, MemberTypes types)
    {
        var available = new int[problem.Quotas.Count];
        foreach (var type in types.Types.Where(t => t.HouseholdKey is null))
        {
            foreach (var q in type.QuotaIndexes)
            {
                available[q] += type.Size;
            }
        }

        foreach (var household in types.Households)
        {
            foreach (var q in household.SelectMany(t => types.Types[t].QuotaIndexes).Distinct())
            {
                available[q]++;
            }
        }

        return available;
    }

    // Each category alone was satisfiable; find the smallest set of categories (one, then pairs) that is not.
    private static (string English, string Danish) ConflictingCategories(LotteryProblem problem, MemberTypes types)
    {
        var categories = problem.Quotas.Select(q => q.Category).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        IEnumerable<int> QuotasOf(params string[] names) =>
            Enumerable.Range(0, problem.Quotas.Count).Where(q => names.Contains(problem.Quotas[q].Category, StringComparer.Ordinal));
        bool Feasible(params string[] names) => new PanelPricing(types, problem.Quotas, problem.PanelSize, QuotasOf(names)).IsFeasible();

        foreach (var category in categories.Where(c => !Feasible(c)))
        {
            return ($"The eligible pool cannot meet the quotas of category {category} together with the household rule.",
                $"Dem, der kan trækkes, kan ikke opfylde kvoterne i kategorien {category} sammen med husstandsreglen.");
        }

        for (var i = 0; i < categories.Count; i++)
        {
            for (var j = i + 1; j < categories.Count; j++)
            {
                if (!Feasible(categories[i], categories[j]))
                {
                    return ($"The eligible pool cannot meet the quotas of categories {categories[i]} and {categories[j]} at the same time.",
                        $"Dem, der kan trækkes, kan ikke opfylde kvoterne i kategorierne {categories[i]} og {categories[j]} på samme tid.");
                }
            }
        }

        return ("The eligible pool cannot meet all quotas at the same time (no single category or pair of categories is to blame).",
            "Dem, der kan trækkes, kan ikke opfylde alle kvoter på samme tid (ingen enkelt kategori eller par af kategorier er årsagen).");
    }
}
