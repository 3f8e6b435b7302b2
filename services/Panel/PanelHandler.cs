using Civic.Contracts.Panel.V1;
using Civic.Hosting.Paging;
using Civic.Panel.Cases;
using Civic.Rpc.Server;

namespace Civic.Panel;

/// <summary>civic.panel.v1.PanelService: maps requests to the features and their results back to messages.</summary>
public sealed class PanelHandler(CaseRegistry cases)
{
    public async Task<CreateCaseResponse> CreateCase(CreateCaseRequest request, ServerCallContext context) =>
        new() { Case = CaseMapping.ToMessage(await cases.CreateAsync(CaseMapping.ToNewCase(request), context.CancellationToken)) };

    public async Task<GetCaseResponse> GetCase(GetCaseRequest request, ServerCallContext context) =>
        new() { Case = CaseMapping.ToMessage(await cases.GetAsync(request.Id, context.CancellationToken)) };

    public async Task<ListCasesResponse> ListCases(ListCasesRequest request, ServerCallContext context)
    {
        var page = await cases.ListAsync(PageRequests.Read(request.Page, CaseRegistry.ListScope), context.CancellationToken);
        var response = new ListCasesResponse { Page = page.Info };
        response.Cases.AddRange(page.Items.Select(CaseMapping.ToMessage));
        return response;
    }
}
