using Civic.Contracts.Panel.V1;
using Civic.Defaults.Auth;
using Civic.Hosting.Grpc;
using Civic.Panel.Cases;
using Grpc.Core;

namespace Civic.Panel.Invitations;

/// <summary>civic.panel.v1.InvitationService: coordinators invite a drawn panel and follow every invitation.</summary>
public sealed class InvitationGrpcService(InvitationDesk desk) : InvitationService.InvitationServiceBase
{
    [AllowRoles(CivicRoles.Coordinator, CivicRoles.Admin)]
    public override async Task<SendInvitationsResponse> SendInvitations(SendInvitationsRequest request, ServerCallContext context)
    {
        var sent = await desk.SendAsync(request.DrawId, request.ResponseDeadline?.ToDateTimeOffset(), CaseGrpcService.ScopeOf(context), context.CancellationToken);
        var response = new SendInvitationsResponse();
        response.Invitations.AddRange(sent.Select(InvitationMapping.ToMessage));
        return response;
    }

    [AllowRoles(CivicRoles.Coordinator, CivicRoles.Director, CivicRoles.Admin)]
    public override async Task<ListInvitationsResponse> ListInvitations(ListInvitationsRequest request, ServerCallContext context)
    {
        var response = new ListInvitationsResponse();
        response.Invitations.AddRange((await desk.ListAsync(request.CaseId, CaseGrpcService.ScopeOf(context), context.CancellationToken)).Select(InvitationMapping.ToMessage));
        return response;
    }
}
