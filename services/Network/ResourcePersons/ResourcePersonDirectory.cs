using Civic.Hosting.Errors;
using Civic.Hosting.Paging;
using Civic.Hosting.Storage;
using Microsoft.EntityFrameworkCore;

namespace Civic.Network.ResourcePersons;

/// <summary>Registers, finds and searches resource persons.</summary>
public sealed class ResourcePersonDirectory(NetworkDbContext db, TimeProvider timeProvider)
{
    /// <summary>
    /// The paging scope of a search: a page token only continues the same query, seen by the same
    /// audience. The first use of the query, so it is where an unbounded query is refused.
    /// </summary>
    /// <exception cref="ValidationException">The query is beyond <see cref="ResourcePersonRules.QueryWords"/>' bounds.</exception>
    public static string SearchScope(string? query, bool includeInternal) =>
        (includeInternal ? "network.search.internal:" : "network.search:") + string.Join(' ', ResourcePersonRules.QueryWords(query));

    public async Task<ResourcePerson> CreateAsync(NewResourcePerson request, CancellationToken cancellationToken)
    {
        var valid = ResourcePersonRules.Validate(request);
        var now = timeProvider.GetStoredUtcNow();
        var person = new ResourcePerson
        {
            Id = Guid.CreateVersion7(now).ToString(),
            DisplayName = valid.DisplayName,
            Organisation = valid.Organisation,
            Competences = [.. valid.Competences],
            ChallengeAreas = [.. valid.ChallengeAreas],
            Languages = [.. valid.Languages],
            CapacityHoursPerMonth = valid.CapacityHoursPerMonth,
            Visibility = valid.Visibility,
            CreatedAt = now,
        };
        db.ResourcePersons.Add(person);
        await db.SaveChangesAsync(cancellationToken);
        return person;
    }

    /// <summary>
    /// One profile. Internal profiles are for the municipality's people: to anyone else they do not
    /// exist (NOT_FOUND), so their existence is not revealed either.
    /// </summary>
    public async Task<ResourcePerson> GetAsync(string id, bool includeInternal, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new ValidationException("id", "The resource person's id is required.", "Ressourcepersonens id skal udfyldes.");
        }

        return await db.ResourcePersons.AsNoTracking()
                .SingleOrDefaultAsync(p => p.Id == id && (includeInternal || p.Visibility == Visibility.Public), cancellationToken)
            ?? throw new NotFoundException(
                $"No resource person has id '{id}'. Search the resource persons to find the right id.",
                $"Der findes ingen ressourceperson med id '{id}'. Søg blandt ressourcepersonerne for at finde det rigtige id.");
    }

    /// <summary>
    /// One page of the people matching <paramref name="query"/>, best match first; internal profiles
    /// only when <paramref name="includeInternal"/>. The ranking runs
    /// in memory over every profile, which suits this first slice's few hundred profiles; the
    /// full-text search moves it into the database.
    /// </summary>
    public async Task<Page<ResourcePerson>> SearchAsync(string? query, bool includeInternal, PageQuery page, CancellationToken cancellationToken)
    {
        var everyone = await db.ResourcePersons.AsNoTracking()
            .Where(p => includeInternal || p.Visibility == Visibility.Public)
            .ToListAsync(cancellationToken);
        var ranked = ResourcePersonSearch.Rank(everyone, query);
        return page.ToPage(ranked.Skip(page.Offset).Take(page.FetchCount).ToList(), ranked.Count);
    }
}
