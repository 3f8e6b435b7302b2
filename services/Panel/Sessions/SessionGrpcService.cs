using Civic.Contracts.Panel.V1;
using Civic.Defaults.Auth;
using Civic.Hosting.Grpc;
using Civic.Panel.Cases;
using Grpc.Core;

namespace Civic.Panel.Sessions;

/// <summary>civic.panel.v1.SessionService: coordinators plan sessions and record contributions.</summary>
public sealed class SessionGrpcService(SessionDesk desk) : SessionService.SessionServiceBase
{
    [AllowRoles(CivicRoles.Coordinator, CivicRoles.Admin)]
    public override async Task<SchedulePanelSessionResponse> SchedulePanelSession(SchedulePanelSessionRequest request, ServerCallContext context)
    {
        var session = await desk.ScheduleAsync(
            new NewSession(request.CaseId, request.StartsAt?.ToDateTimeOffset(), SessionMapping.ToDomain(request.PlaceType), request.Place, request.Agenda),
            CaseGrpcService.ScopeOf(context), context.CancellationToken);
        return new() { Session = SessionMapping.ToMessage(session, []) };
    }

    [AllowRoles(CivicRoles.Coordinator, CivicRoles.Director, CivicRoles.Admin)]
    public override async Task<ListPanelSessionsResponse> ListPanelSessions(ListPanelSessionsRequest request, ServerCallContext context)
    {
        var response = new ListPanelSessionsResponse();
        response.Sessions.AddRange((await desk.ListAsync(request.CaseId, CaseGrpcService.ScopeOf(context), context.CancellationToken))
            .Select(s => SessionMapping.ToMessage(s.Session, s.Contributions)));
        return response;
    }

    [AllowRoles(CivicRoles.Coordinator, CivicRoles.Admin)]
    public override async Task<RecordContributionResponse> RecordContribution(RecordContributionRequest request, ServerCallContext context) =>
        new()
        {
            Contribution = SessionMapping.ToMessage(await desk.RecordAsync(
                request.SessionId, request.MemberId, request.Text, CaseGrpcService.SubjectOf(context), CaseGrpcService.ScopeOf(context), context.CancellationToken)),
        };
}
