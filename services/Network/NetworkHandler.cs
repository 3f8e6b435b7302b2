using Civic.Contracts.Network.V1;
using Civic.Hosting.Paging;
using Civic.Network.ResourcePersons;
using Civic.Rpc.Server;

namespace Civic.Network;

/// <summary>civic.network.v1.NetworkService: maps requests to the features and their results back to messages.</summary>
public sealed class NetworkHandler(ResourcePersonDirectory persons)
{
    public async Task<CreateResourcePersonResponse> CreateResourcePerson(CreateResourcePersonRequest request, ServerCallContext context) =>
        new() { ResourcePerson = ResourcePersonMapping.ToMessage(await persons.CreateAsync(ResourcePersonMapping.ToNewResourcePerson(request), context.CancellationToken)) };

    public async Task<GetResourcePersonResponse> GetResourcePerson(GetResourcePersonRequest request, ServerCallContext context) =>
        new() { ResourcePerson = ResourcePersonMapping.ToMessage(await persons.GetAsync(request.Id, context.CancellationToken)) };

    public async Task<SearchResourcePersonsResponse> SearchResourcePersons(SearchResourcePersonsRequest request, ServerCallContext context)
    {
        var page = PageRequests.Read(request.Page, ResourcePersonDirectory.SearchScope(request.Query));
        var result = await persons.SearchAsync(request.Query, page, context.CancellationToken);
        var response = new SearchResourcePersonsResponse { Page = result.Info };
        response.ResourcePersons.AddRange(result.Items.Select(ResourcePersonMapping.ToMessage));
        return response;
    }
}
