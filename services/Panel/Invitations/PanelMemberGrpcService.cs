using Civic.Contracts.Panel.V1;
using Civic.Panel.Sessions;
using Civic.Panel.Synthesis;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace Civic.Panel.Invitations;

/// <summary>
/// civic.panel.v1.PanelMemberService: the invited member's side, open to any caller because the
/// invitation link (id and token, checked against the stored hash) is the member's only key.
/// </summary>
[AllowAnonymous]
public sealed class PanelMemberGrpcService(InvitationDesk desk, MemberCaseView view, SessionDesk sessions, SynthesisDesk syntheses) : PanelMemberService.PanelMemberServiceBase
{
    public override async Task<GetMemberViewResponse> GetMemberView(GetMemberViewRequest request, ServerCallContext context) =>
        await view.GetAsync(await desk.OpenAsync(request.InvitationId, request.Token, context.CancellationToken), context.CancellationToken);

    public override async Task<RespondToInvitationResponse> RespondToInvitation(RespondToInvitationRequest request, ServerCallContext context) =>
        new() { Invitation = InvitationMapping.ToMessage(await desk.RespondAsync(request.InvitationId, request.Token, request.Accept, context.CancellationToken)) };

    public override async Task<AcceptConfidentialityResponse> AcceptConfidentiality(AcceptConfidentialityRequest request, ServerCallContext context) =>
        new() { Invitation = InvitationMapping.ToMessage(await desk.AcceptConfidentialityAsync(request.InvitationId, request.Token, request.TermsVersion, context.CancellationToken)) };

    public override async Task<AddContributionResponse> AddContribution(AddContributionRequest request, ServerCallContext context)
    {
        var member = await desk.OpenAsync(request.InvitationId, request.Token, context.CancellationToken);
        return new() { Contribution = SessionMapping.ToMessage(await sessions.AddByMemberAsync(member, request.SessionId, request.Text, context.CancellationToken)) };
    }

    public override async Task<CommentOnSynthesisResponse> CommentOnSynthesis(CommentOnSynthesisRequest request, ServerCallContext context)
    {
        var member = await desk.OpenAsync(request.InvitationId, request.Token, context.CancellationToken);
        return new() { Comment = SynthesisMapping.ToMessage(await syntheses.CommentAsync(member, request.Text, context.CancellationToken)) };
    }
}
