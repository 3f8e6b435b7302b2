using Microsoft.AspNetCore.Authorization;
using Civic.Contracts.Panel.V1;
using Civic.Panel.Pool;
using Civic.Panel.Schema;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Civic.Panel.Membership;

/// <summary>civic.panel.v1.MembershipService: a member's own page; the member link's token, not a role, is the key.</summary>
public sealed class MembershipGrpcService(MemberSelfService self, FeatureSchemaEditor schema) : MembershipService.MembershipServiceBase
{
    [AllowAnonymous]
    public override async Task<GetMyMembershipResponse> GetMyMembership(GetMyMembershipRequest request, ServerCallContext context)
    {
        var overview = await self.GetAsync(request.Credentials?.MemberId ?? string.Empty, request.Credentials?.Token ?? string.Empty, context.CancellationToken);
        var response = new GetMyMembershipResponse { Member = PoolMapping.ToMessage(overview.Member, await schema.LoadAsync(context.CancellationToken)) };
        response.Participations.AddRange(overview.Participations.Select(p => new Participation
        {
            CaseId = p.CaseId, CaseTitle = p.CaseTitle, DrawId = p.DrawId, DrawnAt = Timestamp.FromDateTimeOffset(p.DrawnAt),
        }));
        return response;
    }

    [AllowAnonymous]
    public override async Task<ExportMyDataResponse> ExportMyData(ExportMyDataRequest request, ServerCallContext context)
    {
        var (json, exportedAt) = await self.ExportAsync(request.Credentials?.MemberId ?? string.Empty, request.Credentials?.Token ?? string.Empty, context.CancellationToken);
        return new() { Json = json, ExportedAt = Timestamp.FromDateTimeOffset(exportedAt) };
    }

    [AllowAnonymous]
    public override async Task<WithdrawMembershipResponse> WithdrawMembership(WithdrawMembershipRequest request, ServerCallContext context)
    {
        var withdrawnAt = await self.WithdrawAsync(request.Credentials?.MemberId ?? string.Empty, request.Credentials?.Token ?? string.Empty, request.Confirm, context.CancellationToken);
        return new() { WithdrawnAt = Timestamp.FromDateTimeOffset(withdrawnAt) };
    }

    [AllowAnonymous]
    public override async Task<RenewConsentResponse> RenewConsent(RenewConsentRequest request, ServerCallContext context)
    {
        var (member, token) = await self.RenewConsentAsync(
            request.Credentials?.MemberId ?? string.Empty, request.Credentials?.Token ?? string.Empty,
            request.Consent?.Accepted ?? false, request.Consent?.TextVersion ?? string.Empty, context.CancellationToken);
        return new() { Member = PoolMapping.ToMessage(member, await schema.LoadAsync(context.CancellationToken)), MemberToken = token };
    }
}
