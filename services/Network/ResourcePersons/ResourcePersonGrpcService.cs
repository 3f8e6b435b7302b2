using Civic.Contracts.Network.V1;
using Civic.Defaults.Auth;
using Civic.Hosting.Grpc;
using Civic.Hosting.Paging;
using Grpc.Core;
using Civic.Network.Search;
using Civic.Network.Taxonomy;
using Microsoft.AspNetCore.Authorization;

namespace Civic.Network.ResourcePersons;

/// <summary>
/// civic.network.v1.ResourcePersonService: maps requests to the features and their results back to messages.
/// The municipality's people register resource persons and see every opted-in profile in full;
/// everyone else, signed in or not, sees public profiles with their shared fields only.
/// </summary>
public sealed class ResourcePersonGrpcService(ResourcePersonDirectory persons, NetworkDbContext db) : ResourcePersonService.ResourcePersonServiceBase
{
    [AllowRoles(CivicRoles.Staff, CivicRoles.Coordinator, CivicRoles.Director, CivicRoles.Admin)]
    public override async Task<CreateResourcePersonResponse> CreateResourcePerson(CreateResourcePersonRequest request, ServerCallContext context)
    {
        var person = await persons.CreateAsync(ResourcePersonMapping.ToNewResourcePerson(request), NetworkCaller.From(context.User), context.CancellationToken);
        return await NamedAsync(new CreateResourcePersonResponse { ResourcePerson = ResourcePersonMapping.ToMessage(person, person.CapacityHoursPerMonth) }, r => [r.ResourcePerson], context);
    }

    [AllowRoles(CivicRoles.Partner, CivicRoles.Staff, CivicRoles.Coordinator, CivicRoles.Director, CivicRoles.Admin)]
    public override async Task<UpdateResourcePersonResponse> UpdateResourcePerson(UpdateResourcePersonRequest request, ServerCallContext context)
    {
        var profile = ResourcePersonMapping.ToNewResourcePerson(request.Profile ?? new CreateResourcePersonRequest(), "profile.");
        await persons.UpdateAsync(request.Id, profile, NetworkCaller.From(context.User), context.CancellationToken);
        var (person, available) = await persons.GetInFullAsync(request.Id, context.CancellationToken);
        return await NamedAsync(new UpdateResourcePersonResponse { ResourcePerson = ResourcePersonMapping.ToMessage(person, available) }, r => [r.ResourcePerson], context);
    }

    [AllowAnonymous]
    public override async Task<GetResourcePersonResponse> GetResourcePerson(GetResourcePersonRequest request, ServerCallContext context)
    {
        var (person, available) = await persons.GetAsync(request.Id, NetworkCaller.From(context.User), context.CancellationToken);
        return await NamedAsync(new GetResourcePersonResponse { ResourcePerson = ResourcePersonMapping.ToMessage(person, available) }, r => [r.ResourcePerson], context);
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
        return await NamedAsync(response, r => r.ResourcePersons, context);
    }

    /// <summary>
    /// Gives competences that administrators added to the taxonomy (<see cref="FoldedTaxonomy"/>) their names, on the
    /// profiles and in the competence facet: the fixed taxonomy the mapping and the search know names them by id only.
    /// The folds are read only when such a competence is there.
    /// </summary>
    private async Task<T> NamedAsync<T>(T response, Func<T, IEnumerable<Civic.Contracts.Network.V1.ResourcePerson>> people, ServerCallContext context)
    {
        var refs = people(response).SelectMany(p => p.TaxonomyCompetences).Where(c => c.Name == c.Id).ToList();
        var values = (response as SearchResourcePersonsResponse)?.Facets.Where(f => f.Name == SearchFacets.Competence).SelectMany(f => f.Values).Where(v => v.Label == v.Value).ToList() ?? [];
        if (refs.Count == 0 && values.Count == 0)
        {
            return response;
        }

        var taxonomy = await FoldedTaxonomy.LoadAsync(db, context.CancellationToken);
        refs.ForEach(c => c.Name = taxonomy.NameOf(c.Id));
        values.ForEach(v => v.Label = taxonomy.NameOf(v.Value));
        return response;
    }
}
