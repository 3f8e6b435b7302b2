using Civic.Contracts.Panel.V1;
using Civic.Defaults.Auth;
using Civic.Hosting.Paging;
using Civic.Hosting.Grpc;
using Grpc.Core;

namespace Civic.Panel.Cases;

/// <summary>
/// civic.panel.v1.CaseService: maps requests to the features and their results back to messages.
/// Cases are for the municipality's people; staff see and open only their own department's cases,
/// coordinators, directors and administrators all of them.
/// </summary>
public sealed class CaseGrpcService(CaseRegistry cases) : CaseService.CaseServiceBase
{
    [AllowRoles(CivicRoles.Staff, CivicRoles.Coordinator, CivicRoles.Director, CivicRoles.Admin)]
    public override async Task<CreateCaseResponse> CreateCase(CreateCaseRequest request, ServerCallContext context) =>
        new() { Case = CaseMapping.ToMessage(await cases.CreateAsync(CaseMapping.ToNewCase(request), EmployeeOf(context), ScopeOf(context), context.CancellationToken)) };

    [AllowRoles(CivicRoles.Staff, CivicRoles.Coordinator, CivicRoles.Director, CivicRoles.Admin)]
    public override async Task<GetCaseResponse> GetCase(GetCaseRequest request, ServerCallContext context) =>
        new() { Case = CaseMapping.ToMessage(await cases.GetAsync(request.Id, ScopeOf(context), context.CancellationToken)) };

    [AllowRoles(CivicRoles.Staff, CivicRoles.Coordinator, CivicRoles.Director, CivicRoles.Admin)]
    public override async Task<ListCasesResponse> ListCases(ListCasesRequest request, ServerCallContext context)
    {
        var scope = ScopeOf(context);
        var page = await cases.ListAsync(PageRequests.Read(request.Page, scope.PagingScope), scope, context.CancellationToken);
        var response = new ListCasesResponse { Page = page.Info };
        response.Cases.AddRange(page.Items.Select(CaseMapping.ToMessage));
        return response;
    }

    [AllowRoles(CivicRoles.Staff, CivicRoles.Coordinator, CivicRoles.Director, CivicRoles.Admin)]
    public override async Task<SetScopeOfInfluenceResponse> SetScopeOfInfluence(SetScopeOfInfluenceRequest request, ServerCallContext context) =>
        new() { Case = CaseMapping.ToMessage(await cases.SetScopeOfInfluenceAsync(request.Id, request.ScopeOfInfluence, ScopeOf(context), context.CancellationToken)) };

    [AllowRoles(CivicRoles.Staff, CivicRoles.Coordinator, CivicRoles.Director, CivicRoles.Admin)]
    public override async Task<UpdateCaseBriefResponse> UpdateCaseBrief(UpdateCaseBriefRequest request, ServerCallContext context) =>
        new() { Case = CaseMapping.ToMessage(await cases.UpdateBriefAsync(request.CaseId, CaseMapping.ToBrief(request), ScopeOf(context), context.CancellationToken)) };

    [AllowRoles(CivicRoles.Staff, CivicRoles.Coordinator, CivicRoles.Director, CivicRoles.Admin)]
    public override async Task<TakeOverCaseResponse> TakeOverCase(TakeOverCaseRequest request, ServerCallContext context) =>
        new() { Case = CaseMapping.ToMessage(await cases.TakeOverAsync(request.Id, request.Reason, EmployeeOf(context), ScopeOf(context), context.CancellationToken)) };

    [AllowRoles(CivicRoles.Staff, CivicRoles.Coordinator, CivicRoles.Director, CivicRoles.Admin)]
    public override async Task<ChangePhaseResponse> ChangePhase(ChangePhaseRequest request, ServerCallContext context) =>
        new()
        {
            Case = CaseMapping.ToMessage(await cases.ChangePhaseAsync(
                request.Id, CaseMapping.ToDomain(request.Phase), request.Reason, EmployeeOf(context), ScopeOf(context), context.CancellationToken)),
        };

    [AllowRoles(CivicRoles.Staff, CivicRoles.Coordinator, CivicRoles.Director, CivicRoles.Admin)]
    public override async Task<ListPhaseTransitionsResponse> ListPhaseTransitions(ListPhaseTransitionsRequest request, ServerCallContext context)
    {
        var response = new ListPhaseTransitionsResponse();
        response.Transitions.AddRange((await cases.ListTransitionsAsync(request.Id, ScopeOf(context), context.CancellationToken)).Select(CaseMapping.ToMessage));
        return response;
    }

    /// <summary>The caller's stable id ("sub"), recorded with every change.</summary>
    internal static string SubjectOf(ServerCallContext context) => context.User.FindFirst(CivicClaims.Subject)?.Value ?? "unknown";

    /// <summary>The caller as a case's coordinator: their id and the name their token carries (the id when it has none).</summary>
    internal static CaseEmployee EmployeeOf(ServerCallContext context) =>
        new(SubjectOf(context), context.User.FindFirst(CivicClaims.Name)?.Value ?? SubjectOf(context));

    internal static CaseScope ScopeOf(ServerCallContext context) => new(context.User.StaffDepartmentScope());
}
