using Civic.Contracts.Panel.V1;
using Civic.Hosting.Errors;
using Civic.Panel.Schema;
using Google.Protobuf.WellKnownTypes;

namespace Civic.Panel.Pool;

/// <summary>Maps between the pool's messages and its domain.</summary>
public static class PoolMapping
{
    public static MemberDetails ToDetails(SignUpRequest request) =>
        new(request.Name, request.Email, request.Phone, request.Features, request.Availability, request.Languages,
            request.Consent?.Accepted ?? false, request.Consent?.TextVersion ?? string.Empty);

    public static MemberDetails ToDetails(RegisterAssistedRequest request) =>
        new(request.Name, request.Email, request.Phone, request.Features, request.Availability, request.Languages,
            request.Consent?.Accepted ?? false, request.Consent?.TextVersion ?? string.Empty);

    public static MemberStatus ToMessage(PoolMemberStatus status) => status switch
    {
        PoolMemberStatus.Pending => MemberStatus.Pending,
        PoolMemberStatus.Active => MemberStatus.Active,
        _ => MemberStatus.Withdrawn,
    };

    /// <summary>A list's status filter: unspecified is null (pending and active).</summary>
    public static PoolMemberStatus? ToStatusFilter(MemberStatus status) => status switch
    {
        MemberStatus.Unspecified => null,
        MemberStatus.Pending => PoolMemberStatus.Pending,
        MemberStatus.Active => PoolMemberStatus.Active,
        MemberStatus.Withdrawn => PoolMemberStatus.Withdrawn,
        _ => throw new ValidationException("status", $"{(int)status} is not a member status; use pending, active or withdrawn.", $"{(int)status} er ikke en medlemsstatus; brug afventer, aktiv eller udmeldt."),
    };

    /// <summary>The member's message, with their features labelled by <paramref name="schema"/>.</summary>
    public static Contracts.Panel.V1.PoolMember ToMessage(PoolMember member, FeatureSchemaDefinition schema)
    {
        var message = new Contracts.Panel.V1.PoolMember
        {
            Id = member.Id,
            Name = member.Name,
            Email = member.Email,
            Phone = member.Phone ?? string.Empty,
            Availability = member.Availability,
            Status = ToMessage(member.Status),
            CreatedAt = Timestamp.FromDateTimeOffset(member.CreatedAt),
            ConfirmedAt = member.ConfirmedAt is { } confirmed ? Timestamp.FromDateTimeOffset(confirmed) : null,
            Consent = new Consent
            {
                TextVersion = member.ConsentTextVersion,
                Scope = member.ConsentScope,
                GivenAt = member.ConsentGivenAt is { } given ? Timestamp.FromDateTimeOffset(given) : null,
                GivenTo = member.ConsentGivenTo ?? string.Empty,
                ExpiresAt = member.ConsentExpiresAt is { } expires ? Timestamp.FromDateTimeOffset(expires) : null,
            },
        };
        message.Features.Add(member.Features);
        message.FeatureChoices.AddRange(FeatureChoices(member.Features, schema));
        message.Languages.AddRange(member.Languages);
        return message;
    }

    // A key the schema lacks cannot be stored (sign-up checks it), so the fallback to the key is only defensive.
    private static IEnumerable<FeatureChoice> FeatureChoices(Dictionary<string, string> features, FeatureSchemaDefinition schema) =>
        schema.Categories
            .Where(category => features.ContainsKey(category.Category))
            .Select(category =>
            {
                var held = features[category.Category];
                var value = schema.ValuesOf(category.Category).FirstOrDefault(v => v.Value == held);
                return new FeatureChoice
                {
                    Category = category.Category,
                    CategoryLabel = category.Label,
                    CategoryLabelEn = category.LabelEn,
                    Value = held,
                    ValueLabel = value?.Label ?? held,
                    ValueLabelEn = value is { LabelEn.Length: > 0 } ? value.LabelEn : value?.Label ?? held,
                };
            });
}
