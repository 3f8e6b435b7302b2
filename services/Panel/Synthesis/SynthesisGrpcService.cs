using Civic.Contracts.Panel.V1;
using Civic.Defaults.Auth;
using Civic.Hosting.Grpc;
using Civic.Panel.Cases;
using Grpc.Core;

namespace Civic.Panel.Synthesis;

/// <summary>civic.panel.v1.SynthesisService: the coordinator drafts, opens for review and finalises; members comment through their link.</summary>
public sealed class SynthesisGrpcService(SynthesisDesk desk) : SynthesisService.SynthesisServiceBase
{
    [AllowRoles(CivicRoles.Coordinator, CivicRoles.Admin)]
    public override async Task<SaveSynthesisDraftResponse> SaveSynthesisDraft(SaveSynthesisDraftRequest request, ServerCallContext context) =>
        new() { Synthesis = SynthesisMapping.ToMessage(await desk.SaveDraftAsync(request.CaseId, request.Text, CaseGrpcService.ScopeOf(context), context.CancellationToken), request.CaseId) };

    [AllowRoles(CivicRoles.Coordinator, CivicRoles.Admin)]
    public override async Task<OpenSynthesisReviewResponse> OpenSynthesisReview(OpenSynthesisReviewRequest request, ServerCallContext context) =>
        new() { Synthesis = SynthesisMapping.ToMessage(await desk.OpenReviewAsync(request.CaseId, request.NoteToMembers, CaseGrpcService.ScopeOf(context), context.CancellationToken), request.CaseId) };

    [AllowRoles(CivicRoles.Coordinator, CivicRoles.Admin)]
    public override async Task<FinaliseSynthesisResponse> FinaliseSynthesis(FinaliseSynthesisRequest request, ServerCallContext context) =>
        new()
        {
            Synthesis = SynthesisMapping.ToMessage(await desk.FinaliseAsync(
                request.CaseId, request.ReviewResponse, CaseGrpcService.SubjectOf(context), CaseGrpcService.ScopeOf(context), context.CancellationToken), request.CaseId),
        };

    [AllowRoles(CivicRoles.Coordinator, CivicRoles.Director, CivicRoles.Admin)]
    public override async Task<GetSynthesisResponse> GetSynthesis(GetSynthesisRequest request, ServerCallContext context) =>
        new() { Synthesis = SynthesisMapping.ToMessage(await desk.GetAsync(request.CaseId, CaseGrpcService.ScopeOf(context), context.CancellationToken), request.CaseId) };
}
