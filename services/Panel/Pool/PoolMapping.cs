using Civic.Contracts.Panel.V1;
using Civic.Hosting.Errors;
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
