using Civic.Contracts.Hotline.V1;
using Civic.Defaults.Auth;
using Civic.Hosting.Grpc;
using Civic.Hotline.Holds;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace Civic.Hotline.Schedules;

/// <summary>
/// civic.hotline.v1.ScheduleService. Sessions and rules are public (citizens see when directors take calls);
/// administrators add rules and can materialise sessions on demand.
/// </summary>
public sealed class ScheduleGrpcService(
    ScheduleCatalog catalog, ScheduleRuleEditor editor, SessionMaterialiser materialiser, SessionCancellation cancellation, SlotHolds holds) : ScheduleService.ScheduleServiceBase
{
    [AllowRoles(CivicRoles.Admin)]
    public override async Task<CreateScheduleRuleResponse> CreateScheduleRule(CreateScheduleRuleRequest request, ServerCallContext context) =>
        new() { Rule = ScheduleMapping.ToMessage(await catalog.CreateRuleAsync(context.User, ScheduleMapping.ToNewRule(request), context.CancellationToken)) };

    [AllowRoles(CivicRoles.Admin)]
    public override async Task<UpdateScheduleRuleResponse> UpdateScheduleRule(UpdateScheduleRuleRequest request, ServerCallContext context)
    {
        var order = ScheduleMapping.ToOrder(request.RuleId, request.Etag, request.BookedSessions, request.Reason, request.ValidateOnly);
        var result = await editor.UpdateAsync(context.User, order, ScheduleMapping.ToNewRule(string.Empty, request.Rule), context.CancellationToken);
        return new() { Rule = ScheduleMapping.ToMessage(result.Rule), Impact = ScheduleMapping.ToMessage(result.Impact, result.Applied) };
    }

    [AllowRoles(CivicRoles.Admin)]
    public override async Task<RetireScheduleRuleResponse> RetireScheduleRule(RetireScheduleRuleRequest request, ServerCallContext context)
    {
        var order = ScheduleMapping.ToOrder(request.RuleId, request.Etag, request.BookedSessions, request.Reason, request.ValidateOnly);
        var result = await editor.RetireAsync(context.User, order, context.CancellationToken);
        return new() { Rule = ScheduleMapping.ToMessage(result.Rule), Impact = ScheduleMapping.ToMessage(result.Impact, result.Applied) };
    }

    [AllowRoles(CivicRoles.Admin)]
    public override async Task<ListScheduleRuleChangesResponse> ListScheduleRuleChanges(ListScheduleRuleChangesRequest request, ServerCallContext context)
    {
        var response = new ListScheduleRuleChangesResponse();
        response.Changes.AddRange((await editor.ListChangesAsync(request.DepartmentId, context.CancellationToken)).Select(ScheduleMapping.ToMessage));
        return response;
    }

    [AllowAnonymous]
    public override async Task<ListScheduleRulesResponse> ListScheduleRules(ListScheduleRulesRequest request, ServerCallContext context)
    {
        var response = new ListScheduleRulesResponse();
        response.Rules.AddRange((await catalog.ListRulesAsync(request.DepartmentId, context.CancellationToken)).Select(ScheduleMapping.ToMessage));
        return response;
    }

    [AllowAnonymous]
    public override async Task<ListSessionsResponse> ListSessions(ListSessionsRequest request, ServerCallContext context)
    {
        var sessions = await catalog.ListSessionsAsync(request.DepartmentId, request.MaxSessions, context.CancellationToken);
        var held = await holds.CountAsync(sessions.SelectMany(s => s.Slots).Select(s => s.Id).ToList());
        var response = new ListSessionsResponse();
        response.Sessions.AddRange(sessions.Select(s => ScheduleMapping.ToMessage(s, held)));
        return response;
    }

    [AllowRoles(CivicRoles.Director, CivicRoles.Admin)]
    public override async Task<CancelSessionResponse> CancelSession(CancelSessionRequest request, ServerCallContext context)
    {
        var (session, cancelled) = await cancellation.CancelAsync(context.User, request.SessionId, request.Reason, context.CancellationToken);
        return new() { Session = ScheduleMapping.ToMessage(session, new Dictionary<string, int>()), BookingsCancelled = cancelled };
    }

    [AllowRoles(CivicRoles.Admin)]
    public override async Task<MaterialiseSessionsResponse> MaterialiseSessions(MaterialiseSessionsRequest request, ServerCallContext context) =>
        new() { SessionsAdded = await materialiser.MaterialiseAsync(context.CancellationToken) };
}
