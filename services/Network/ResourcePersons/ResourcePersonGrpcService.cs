using Civic.Contracts.Network.V1;
using Civic.Defaults.Auth;
using Civic.Hosting.Paging;
using Civic.Hosting.Grpc;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace Civic.Network.ResourcePersons;

/// <summary>
/// civic.network.v1.ResourcePersonService: maps requests to the features and their results back to messages.
/// The municipality's people register resource persons and see every profile; everyone else,
/// signed in or not, sees the public profiles only.
/// </summary>
public sealed class ResourcePersonGrpcService(ResourcePersonDirectory persons) : ResourcePersonService.ResourcePersonServiceBase
{
    [AllowRoles(CivicRoles.Staff, CivicRoles.Coordinator, CivicRoles.Director, CivicRoles.Admin)]
    public override async Task<CreateResourcePersonResponse> CreateResourcePerson(CreateResourcePersonRequest request, ServerCallContext context) =>
        new() { ResourcePerson = ResourcePersonMapping.ToMessage(await persons.CreateAsync(ResourcePersonMapping.ToNewResourcePerson(request), context.CancellationToken)) };

    [AllowAnonymous]
    public override async Task<GetResourcePersonResponse> GetResourcePerson(GetResourcePersonRequest request, ServerCallContext context) =>
        new() { ResourcePerson = ResourcePersonMapping.ToMessage(await persons.GetAsync(request.Id, context.User.IsEmployee(), context.CancellationToken)) };

    [AllowAnonymous]
    public override async Task<SearchResourcePersonsResponse> SearchResourcePersons(SearchResourcePersonsRequest request, ServerCallContext context)
    {
        var includeInternal = context.User.IsEmployee();
        var page = PageRequests.Read(request.Page, ResourcePersonDirectory.SearchScope(request.Query, includeInternal));
        var result = await persons.SearchAsync(request.Query, includeInternal, page, context.CancellationToken);
        var response = new SearchResourcePersonsResponse { Page = result.Info };
        response.ResourcePersons.AddRange(result.Items.Select(ResourcePersonMapping.ToMessage));
        return response;
    }
}
