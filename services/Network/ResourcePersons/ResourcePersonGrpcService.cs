using Civic.Contracts.Network.V1;
using Civic.Defaults.Auth;
using Civic.Hosting.Grpc;
using Civic.Hosting.Paging;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace Civic.Network.ResourcePersons;

/// <summary>
/// civic.network.v1.ResourcePersonService: maps requests to the features and their results back to messages.
/// The municipality's people register resource persons and see every opted-in profile in full;
/// everyone else, signed in or not, sees public profiles with their shared fields only.
/// </summary>
public sealed class ResourcePersonGrpcService(ResourcePersonDirectory persons) : ResourcePersonService.ResourcePersonServiceBase
{
    [AllowRoles(CivicRoles.Staff, CivicRoles.Coordinator, CivicRoles.Director, CivicRoles.Admin)]
    public override async Task<CreateResourcePersonResponse> CreateResourcePerson(CreateResourcePersonRequest request, ServerCallContext context)
    {
        var person = await persons.CreateAsync(ResourcePersonMapping.ToNewResourcePerson(request), NetworkCaller.From(context.User), context.CancellationToken);
        return new() { ResourcePerson = ResourcePersonMapping.ToMessage(person, person.CapacityHoursPerMonth) };
    }

    [AllowRoles(CivicRoles.Staff, CivicRoles.Coordinator, CivicRoles.Director, CivicRoles.Admin)]
    public override async Task<UpdateResourcePersonResponse> UpdateResourcePerson(UpdateResourcePersonRequest request, ServerCallContext context)
    {
        var profile = ResourcePersonMapping.ToNewResourcePerson(request.Profile ?? new CreateResourcePersonRequest(), "profile.");
        await persons.UpdateAsync(request.Id, profile, NetworkCaller.From(context.User), context.CancellationToken);
        var (person, available) = await persons.GetAsync(request.Id, includeInternal: true, context.CancellationToken);
        return new() { ResourcePerson = ResourcePersonMapping.ToMessage(person, available) };
    }

    [AllowAnonymous]
    public override async Task<GetResourcePersonResponse> GetResourcePerson(GetResourcePersonRequest request, ServerCallContext context)
    {
        var (person, available) = await persons.GetAsync(request.Id, context.User.IsEmployee(), context.CancellationToken);
        return new() { ResourcePerson = ResourcePersonMapping.ToMessage(person, available) };
    }

    [AllowAnonymous]
    public override async Task<SearchResourcePersonsResponse> SearchResourcePersons(SearchResourcePersonsRequest request, ServerCallContext context)
    {
        var includeInternal = context.User.IsEmployee();
        var filters = ResourcePersonMapping.ToFilters(request);
        // The page size rules are the platform's; the token is the search's own keyset cursor.
        var size = PageRequests.Read(request.Page is null ? null : new() { PageSize = request.Page.PageSize }, "network.search").Size;
        var result = await persons.SearchAsync(request.Query, filters, includeInternal, size, request.Page?.PageToken, context.CancellationToken);
        var response = new SearchResourcePersonsResponse
        {
            Page = new() { TotalSize = result.TotalSize, NextPageToken = result.NextPageToken },
        };
        response.ResourcePersons.AddRange(result.Items.Select(h => ResourcePersonMapping.ToMessage(h.Person, h.AvailableHours)));
        response.Facets.AddRange(result.Facets.GroupBy(f => f.Facet).Select(g => new Facet { Name = g.Key, Values = { g.Select(ResourcePersonMapping.ToMessage) } }));
        return response;
    }
}
