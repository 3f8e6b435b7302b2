using Civic.Contracts.Panel.V1;
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

    public static Contracts.Panel.V1.PoolMember ToMessage(PoolMember member)
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
        message.Languages.AddRange(member.Languages);
        return message;
    }
}
