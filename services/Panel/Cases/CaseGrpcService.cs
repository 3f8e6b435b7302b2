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
        new() { Case = CaseMapping.ToMessage(await cases.CreateAsync(CaseMapping.ToNewCase(request), ScopeOf(context), context.CancellationToken)) };

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

    private static CaseScope ScopeOf(ServerCallContext context) => new(context.User.StaffDepartmentScope());
}
