using Civic.Hosting.Errors;

namespace Civic.Panel.Pool;

/// <summary>What a staff list of members asks for, as given: page size, reason and filters (a null status: pending and active).</summary>
public sealed record MemberListQuery(int PageSize, string PageToken, string Reason, PoolMemberStatus? Status, IReadOnlyDictionary<string, string> Features, string Text);

/// <summary>A staff list's filters, checked: feature values of the schema, a bounded search text.</summary>
public sealed record MemberListFilter(PoolMemberStatus? Status, IReadOnlyDictionary<string, string> Features, string Text)
{
    /// <summary>Names the list and its filter, so a page token from another filter is refused.</summary>
    public string Scope =>
        $"panel.members:{Status}:{string.Join(";", Features.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Key + "=" + f.Value))}:{Text}";
}

/// <summary>Checks a staff list request; every wrong field is named in one <see cref="ValidationException"/>.</summary>
public static class MemberListRules
{
    public const int MaxPageSize = 200;

    public const int MaxTextLength = 100;

    public const int MaxReasonLength = 500;

    public static MemberListFilter Validate(MemberListQuery query, IReadOnlyList<FeatureSchemaValue> schema)
    {
        var violations = new FieldViolations();
        if (query.PageSize is < 1 or > MaxPageSize)
        {
            violations.Add("page.page_size",
                $"Give a page size from 1 to {MaxPageSize}.",
                $"Angiv en sidestørrelse fra 1 til {MaxPageSize}.");
        }

        violations
            .Required("reason", query.Reason, "the reason for reading the members' personal data", "begrundelsen for at se medlemmernes personoplysninger")
            .MaxLength("reason", query.Reason.Trim(), MaxReasonLength, "the reason", "begrundelsen")
            .MaxLength("text", query.Text.Trim(), MaxTextLength, "the search text", "søgeteksten");
        var features = SignUpRules.ValidateFeatures(violations, query.Features, schema, everyCategory: false);
        violations.ThrowIfAny();
        return new MemberListFilter(query.Status, features, query.Text.Trim());
    }
}
