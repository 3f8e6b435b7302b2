using Civic.Contracts.Panel.V1;
using Civic.Defaults.Auth;
using Civic.Hosting.Grpc;
using Civic.Panel.Cases;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using FeedbackMessage = Civic.Contracts.Panel.V1.MemberFeedback;

namespace Civic.Panel.Feedback;

/// <summary>civic.panel.v1.FeedbackService: feedback to every panel member, and its escalations.</summary>
public sealed class FeedbackGrpcService(FeedbackDesk desk) : FeedbackService.FeedbackServiceBase
{
    [AllowRoles(CivicRoles.Coordinator, CivicRoles.Admin)]
    public override async Task<GiveFeedbackResponse> GiveFeedback(GiveFeedbackRequest request, ServerCallContext context) =>
        new() { Feedback = ToMessage(await desk.GiveAsync(request.CaseId, request.MemberId, request.Text, CaseGrpcService.SubjectOf(context), CaseGrpcService.ScopeOf(context), context.CancellationToken)) };

    [AllowRoles(CivicRoles.Coordinator, CivicRoles.Director, CivicRoles.Admin)]
    public override async Task<ListFeedbackResponse> ListFeedback(ListFeedbackRequest request, ServerCallContext context)
    {
        var (lines, escalations) = await desk.ListAsync(request.CaseId, CaseGrpcService.ScopeOf(context), context.CancellationToken);
        var response = new ListFeedbackResponse();
        response.Feedback.AddRange(lines.Select(ToMessage));
        response.Escalations.AddRange(escalations.Select(e => new Contracts.Panel.V1.FeedbackEscalation
        {
            Level = e.Level, Recipient = e.Recipient, MissingCount = e.MissingCount, EscalatedAt = Timestamp.FromDateTimeOffset(e.EscalatedAt),
        }));
        return response;
    }

    public static FeedbackMessage ToMessage(FeedbackLine line) => new()
    {
        MemberId = line.MemberId,
        Text = line.Feedback?.Text ?? string.Empty,
        GivenAt = line.Feedback is { } given ? Timestamp.FromDateTimeOffset(given.GivenAt) : null,
        DueAt = line.DueAt is { } due ? Timestamp.FromDateTimeOffset(due) : null,
    };
}
