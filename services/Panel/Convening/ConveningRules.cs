using Civic.Hosting.Errors;
using Civic.Panel.Lottery;
using Civic.Panel.Pool;

namespace Civic.Panel.Convening;

/// <summary>Convening input checked against the municipality's feature schema and the pool.</summary>
public static class ConveningRules
{
    /// <summary>
    /// Refuses quotas naming a category or value outside the schema, and gives every schema value of a
    /// category with quotas that the coordinator left out the free quota 0..k.
    /// </summary>
    public static IReadOnlyList<FeatureQuota> CompleteQuotas(IReadOnlyList<FeatureQuota> quotas, int panelSize, IReadOnlyList<FeatureSchemaValue> schema)
    {
        var violations = new FieldViolations();
        foreach (var q in quotas.Where(q => !schema.Any(s => s.Category == q.Category && s.Value == q.Value)))
        {
            var known = schema.Where(s => s.Category == q.Category).Select(s => s.Value).ToList();
            violations.Add("quotas", known.Count == 0
                    ? $"Category '{q.Category}' is not in the feature schema; use one of: {string.Join(", ", schema.Select(s => s.Category).Distinct())}."
                    : $"'{q.Value}' is not a value of {q.Category} in the feature schema; use one of: {string.Join(", ", known)}.",
                known.Count == 0
                    ? $"Kategorien '{q.Category}' findes ikke i egenskabsskemaet; brug en af: {string.Join(", ", schema.Select(s => s.Category).Distinct())}."
                    : $"'{q.Value}' er ikke en værdi af {q.Category} i egenskabsskemaet; brug en af: {string.Join(", ", known)}.");
        }

        violations.ThrowIfAny();
        var categories = quotas.Select(q => q.Category).ToHashSet(StringComparer.Ordinal);
        var free = schema.Where(s => categories.Contains(s.Category) && !quotas.Any(q => q.Category == s.Category && q.Value == s.Value))
            .Select(s => new FeatureQuota(s.Category, s.Value, 0, panelSize));
        return quotas.Concat(free).OrderBy(q => q.Category, StringComparer.Ordinal).ThenBy(q => q.Value, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Adds "at least one member with this lived experience" for each required value as a quota minimum of 1
    /// (keeping a higher minimum the coordinator set). A value outside the category in the schema is refused.
    /// </summary>
    public static IReadOnlyList<FeatureQuota> RequireLivedExperience(
        IReadOnlyList<FeatureQuota> quotas, IReadOnlyList<string> required, string? category, int panelSize, IReadOnlyList<FeatureSchemaValue> schema)
    {
        if (required.Count == 0)
        {
            return quotas;
        }

        if (category is null)
        {
            throw new ValidationException("required_lived_experience",
                "No category of the feature schema is marked as lived experience; an administrator marks one (FeatureSchemaService) before it can be required.",
                "Ingen kategori i egenskabsskemaet er markeret som særlig erfaring; en administrator skal markere en, før den kan kræves.");
        }

        var known = schema.Where(s => s.Category == category).Select(s => s.Value).ToList();
        var unknown = required.Where(v => !known.Contains(v)).ToList();
        if (unknown.Count > 0)
        {
            throw new ValidationException("required_lived_experience",
                $"Not values of {category} in the feature schema: {string.Join(", ", unknown)}; use one of: {string.Join(", ", known)}.",
                $"Ikke værdier af {category} i egenskabsskemaet: {string.Join(", ", unknown)}; brug en af: {string.Join(", ", known)}.");
        }

        var result = quotas.ToList();
        foreach (var value in required.Distinct(StringComparer.Ordinal))
        {
            var index = result.FindIndex(q => q.Category == category && q.Value == value);
            if (index < 0)
            {
                result.Add(new FeatureQuota(category, value, 1, panelSize));
            }
            else if (result[index].Min < 1)
            {
                result[index] = result[index] with { Min = 1 };
            }
        }

        return result;
    }

    /// <summary>A panel needs at least one seat; checked before anything is looked up.</summary>
    public static void ValidatePanelSize(int panelSize)
    {
        if (panelSize < 1)
        {
            throw new ValidationException("panel_size", $"The panel size must be at least 1 (it is {panelSize}).", $"Panelets størrelse skal være mindst 1 (nu {panelSize}).");
        }
    }

    /// <summary>Excluded ids must be active pool members (a typo must not silently exclude nobody).</summary>
    public static void ValidateExclusions(IReadOnlyList<string> excluded, IReadOnlyList<PoolMember> active)
    {
        var ids = active.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        var unknown = excluded.Where(id => !ids.Contains(id)).ToList();
        if (unknown.Count > 0)
        {
            throw new ValidationException("excluded_member_ids",
                $"Not active pool members: {string.Join(", ", unknown)}.",
                $"Ikke aktive medlemmer af puljen: {string.Join(", ", unknown)}.");
        }
    }
}
