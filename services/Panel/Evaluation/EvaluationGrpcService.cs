using Civic.Contracts.Panel.V1;
using Civic.Defaults.Auth;
using Civic.Hosting.Grpc;
using Civic.Panel.Cases;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using GoalFulfilmentMessage = Civic.Contracts.Panel.V1.GoalFulfilment;

namespace Civic.Panel.Evaluation;

/// <summary>civic.panel.v1.EvaluationService: the evaluation of the Erkendelse phase.</summary>
public sealed class EvaluationGrpcService(EvaluationDesk desk) : EvaluationService.EvaluationServiceBase
{
    [AllowRoles(CivicRoles.Coordinator, CivicRoles.Admin)]
    public override async Task<RecordEvaluationResponse> RecordEvaluation(RecordEvaluationRequest request, ServerCallContext context)
    {
        GoalFulfilment? fulfilment = request.GoalFulfilment switch
        {
            GoalFulfilmentMessage.NotMet => GoalFulfilment.NotMet,
            GoalFulfilmentMessage.PartlyMet => GoalFulfilment.PartlyMet,
            GoalFulfilmentMessage.Met => GoalFulfilment.Met,
            _ => null,
        };
        var evaluation = await desk.RecordAsync(request.CaseId, new EvaluationInput(fulfilment, request.GoalAssessment, request.Involvement, request.Process, request.Learning),
            CaseGrpcService.SubjectOf(context), CaseGrpcService.ScopeOf(context), context.CancellationToken);
        return new() { Evaluation = ToMessage(evaluation, request.CaseId) };
    }

    [AllowRoles(CivicRoles.Coordinator, CivicRoles.Director, CivicRoles.Admin)]
    public override async Task<GetEvaluationResponse> GetEvaluation(GetEvaluationRequest request, ServerCallContext context) =>
        new() { Evaluation = ToMessage(await desk.GetAsync(request.CaseId, CaseGrpcService.ScopeOf(context), context.CancellationToken), request.CaseId) };

    private static Contracts.Panel.V1.Evaluation ToMessage(CaseEvaluation? evaluation, string caseId) => evaluation is null
        ? new() { CaseId = caseId }
        : new()
        {
            CaseId = evaluation.CaseId,
            GoalFulfilment = evaluation.GoalFulfilment switch
            {
                GoalFulfilment.NotMet => GoalFulfilmentMessage.NotMet,
                GoalFulfilment.PartlyMet => GoalFulfilmentMessage.PartlyMet,
                _ => GoalFulfilmentMessage.Met,
            },
            GoalAssessment = evaluation.GoalAssessment,
            Involvement = evaluation.Involvement,
            Process = evaluation.Process,
            Learning = evaluation.Learning,
            RecordedBy = evaluation.RecordedBy,
            RecordedAt = Timestamp.FromDateTimeOffset(evaluation.RecordedAt),
        };
}
