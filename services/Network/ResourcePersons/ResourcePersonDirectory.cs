using Civic.Hosting.Errors;
using Civic.Hosting.Storage;
using Civic.Network.Capacity;
using Civic.Network.Groups;
using Civic.Network.Search;
using Civic.Network.Taxonomy;
using Microsoft.EntityFrameworkCore;

namespace Civic.Network.ResourcePersons;

/// <summary>A page of search results and the counts of its facets.</summary>
public sealed record SearchResult(IReadOnlyList<SearchHit> Items, int TotalSize, string NextPageToken, IReadOnlyList<FacetCount> Facets);

/// <summary>Registers, finds, edits and searches resource persons.</summary>
public sealed class ResourcePersonDirectory(NetworkDbContext db, ISearchIndex index, SearchResultCache cache, TimeProvider timeProvider)
{
    /// <summary>
    /// The paging scope of a search: a page token only continues the same query and filters, seen by
    /// the same audience. The first use of the query, so it is where an unbounded query is refused.
    /// </summary>
    /// <exception cref="ValidationException">The query is beyond <see cref="ResourcePersonRules.QueryWords"/>' bounds.</exception>
    public static string SearchScope(string? query, SearchFilters filters, bool includeInternal) =>
        (includeInternal ? "network.search.internal:" : "network.search:") + string.Join(' ', ResourcePersonRules.QueryWords(query)) + "|" + filters.Describe();

    public async Task<ResourcePerson> CreateAsync(NewResourcePerson request, NetworkCaller caller, CancellationToken cancellationToken)
    {
        var taxonomy = await FoldedTaxonomy.LoadAsync(db, cancellationToken);
        var valid = ResourcePersonRules.Validate(request, taxonomy.IsCompetence);
        var now = timeProvider.GetStoredUtcNow();
        var person = new ResourcePerson
        {
            Id = Guid.CreateVersion7(now).ToString(),
            DisplayName = valid.DisplayName,
            Organisation = valid.Organisation,
            OwnerId = valid.OwnerId.Length > 0 ? valid.OwnerId : caller.UserId,
            CreatedAt = now,
        };
        Apply(person, valid, now);
        db.ResourcePersons.Add(person);
        await SaveAndIndexAsync(person, taxonomy, cancellationToken);
        return person;
    }

    /// <summary>Replaces the profile's fields; only its owner, their manager, a coordinator or an administrator may.</summary>
    public async Task<ResourcePerson> UpdateAsync(string id, NewResourcePerson request, NetworkCaller caller, CancellationToken cancellationToken)
    {
        var person = await FindAsync(id, cancellationToken);
        if (!caller.IsCoordinatorOrAdmin && caller.UserId != person.OwnerId && caller.UserId != person.ManagerId)
        {
            throw new PermissionDeniedException(
                "Only the person, their manager, a network coordinator or an administrator may edit this profile.",
                "Kun personen selv, personens leder, en netværkskoordinator eller en administrator må ændre profilen.");
        }

        if (!caller.IsEmployee && request.Kind != person.Kind)
        {
            // A partner's own profile stays a partner's: being listed as municipal staff is the municipality's to say.
            throw new PermissionDeniedException(
                "Only the municipality's people may change whether a profile is staff or a civil-society partner.",
                "Kun kommunens medarbejdere kan ændre, om en profil er medarbejder eller samarbejdspartner.");
        }

        var taxonomy = await FoldedTaxonomy.LoadAsync(db, cancellationToken);
        var valid = ResourcePersonRules.Validate(request, taxonomy.IsCompetence);
        Apply(person, valid, timeProvider.GetStoredUtcNow());
        await SaveAndIndexAsync(person, taxonomy, cancellationToken);
        return person;
    }

    /// <summary>
    /// One profile as <paramref name="caller"/> may see it (<see cref="SeenByAsync"/>); a profile they may not see is
    /// NOT_FOUND, so its existence is not revealed either.
    /// </summary>
    public Task<(ResourcePerson Person, int AvailableHours)> GetAsync(string id, NetworkCaller caller, CancellationToken cancellationToken) =>
        ReadAsync(id, caller, cancellationToken);

    /// <summary>One profile in full, for whoever just changed or confirmed it (the service checked that they may).</summary>
    public Task<(ResourcePerson Person, int AvailableHours)> GetInFullAsync(string id, CancellationToken cancellationToken) =>
        ReadAsync(id, null, cancellationToken);

    private async Task<(ResourcePerson Person, int AvailableHours)> ReadAsync(string id, NetworkCaller? caller, CancellationToken cancellationToken)
    {
        var person = await FindAsync(id, cancellationToken, tracked: false);
        var seen = caller is null ? person : await SeenByAsync(db, person, caller, cancellationToken) ?? throw NotFound(id);
        var available = (await AvailableHoursAsync([person], cancellationToken))[person.Id];
        // A redacted copy shows the free hours only when the capacity is a shared field.
        return (seen, ReferenceEquals(seen, person) || person.PublicFields.Contains(ProfileField.Capacity) ? available : 0);
    }

    /// <summary>
    /// <paramref name="person"/> as <paramref name="caller"/> may see it, or null when they may not: the municipality's
    /// people see every profile in full; anyone else the shared fields of opted-in public profiles, and a partner also
    /// those of the people in their own network groups (<see cref="ProfileVisibility.ForFellowMember"/>).
    /// </summary>
    public static async Task<ResourcePerson?> SeenByAsync(NetworkDbContext db, ResourcePerson person, NetworkCaller caller, CancellationToken cancellationToken)
    {
        if (caller.IsEmployee)
        {
            return person;
        }

        if (ProfileVisibility.IsVisibleToOutsiders(person))
        {
            return ProfileVisibility.ForOutsiders(person);
        }

        return caller.UserId.Length > 0 && await GroupFellowship.SharesGroupWithAsync(db, caller, person.Id, cancellationToken)
            ? ProfileVisibility.ForFellowMember(person)
            : null;
    }

    /// <summary>
    /// One page of the opted-in people matching <paramref name="query"/> and <paramref name="filters"/>,
    /// best first (<see cref="SearchRanking"/>); internal profiles and fields only when <paramref name="includeInternal"/>.
    /// A query of stop words only matches no one; an empty query matches everyone. First pages come from
    /// <see cref="SearchResultCache"/> while the search generation says nothing they read has changed.
    /// </summary>
    public async Task<SearchResult> SearchAsync(string? query, SearchFilters filters, bool includeInternal, int pageSize, string? pageToken, CancellationToken cancellationToken)
    {
        var scope = SearchScope(query, filters, includeInternal);
        var after = SearchCursor.Decode(pageToken, scope);
        var words = ResourcePersonRules.QueryWords(query).Where(w => !DanishText.IsStopWord(w)).ToList();
        if (words.Count == 0 && !string.IsNullOrWhiteSpace(query))
        {
            return new SearchResult([], 0, string.Empty, []);
        }

        var month = CapacityMonth.MonthOf(DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime));
        // One more than the page: whether there is a next page, without counting.
        var search = new SearchQuery(includeInternal ? SearchAudience.Internal : SearchAudience.Public, words, filters, after, pageSize + 1, month);
        if (after is not null || !cache.IsEnabled)
        {
            return await SearchDatabaseAsync(search, pageSize, scope, cancellationToken);
        }

        // Read before searching, so the result reflects at least this generation's changes.
        var generation = await SearchGeneration.ReadAsync(db, cancellationToken);
        var key = $"{scope}|{pageSize}|{month}";
        if (cache.Find(key, generation) is { } kept)
        {
            return kept;
        }

        var result = await SearchDatabaseAsync(search, pageSize, scope, cancellationToken);
        cache.Store(key, generation, result);
        return result;
    }

    /// <summary>The first <paramref name="pageSize"/> hits of <paramref name="search"/> with their whole profiles, and the next page's token.</summary>
    private async Task<SearchResult> SearchDatabaseAsync(SearchQuery search, int pageSize, string scope, CancellationToken cancellationToken)
    {
        var found = await index.SearchAsync(search, cancellationToken);
        var page = found.Hits.Take(pageSize).ToList();
        var next = found.Hits.Count > pageSize ? SearchCursor.Encode(new SearchPosition(page[^1].ScoreKey, page[^1].Person.Id, found.TextScale), scope) : string.Empty;
        // The in-memory index reads the profiles with its answer; the SQL leaves them to us.
        var people = found.Profiles ?? await PageProfiles.ReadAsync(db, page.Select(h => h.Person.Id).ToList(), cancellationToken);
        return new SearchResult(WholeProfiles(page, people, search.Audience), found.TotalSize, next, found.Facets);
    }

    /// <summary>The page's hits with their whole profiles (the index returns what ranking read); one deleted meanwhile drops out.</summary>
    private static List<SearchHit> WholeProfiles(List<SearchHit> page, IReadOnlyDictionary<string, ResourcePerson> people, SearchAudience audience) =>
        page.Where(h => people.ContainsKey(h.Person.Id))
            .Select(h => h with { Person = audience == SearchAudience.Internal ? people[h.Person.Id] : ProfileVisibility.ForOutsiders(people[h.Person.Id]) })
            .ToList();

    /// <summary>Each person's hours not yet approved this month.</summary>
    private async Task<Dictionary<string, int>> AvailableHoursAsync(IReadOnlyList<ResourcePerson> people, CancellationToken cancellationToken)
    {
        var month = CapacityMonth.MonthOf(DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime));
        var ids = people.Select(p => p.Id).ToList();
        var booked = await db.CapacityMonths.AsNoTracking().Where(m => m.Month == month && ids.Contains(m.PersonId))
            .Select(m => new { m.PersonId, m.BookedHours })
            .ToDictionaryAsync(m => m.PersonId, m => m.BookedHours, cancellationToken);
        return people.ToDictionary(p => p.Id, p => Math.Max(0, p.CapacityHoursPerMonth - booked.GetValueOrDefault(p.Id)), StringComparer.Ordinal);
    }

    private async Task<ResourcePerson> FindAsync(string id, CancellationToken cancellationToken, bool tracked = true)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new ValidationException("id", "The resource person's id is required.", "Ressourcepersonens id skal udfyldes.");
        }

        var people = tracked ? db.ResourcePersons : db.ResourcePersons.AsNoTracking();
        return await people.SingleOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw NotFound(id);
    }

    private static NotFoundException NotFound(string id) => new(
        $"No resource person has id '{id}'. Search the resource persons to find the right id.",
        $"Der findes ingen ressourceperson med id '{id}'. Søg blandt ressourcepersonerne for at finde det rigtige id.");

    private async Task SaveAndIndexAsync(ResourcePerson person, FoldedTaxonomy taxonomy, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await index.ReplaceAsync(person.Id, taxonomy.DocumentsFor(person), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static void Apply(ResourcePerson person, NewResourcePerson valid, DateTimeOffset now)
    {
        person.DisplayName = valid.DisplayName;
        person.Kind = valid.Kind;
        person.Organisation = valid.Organisation;
        person.Role = valid.Role;
        person.CompetenceIds = [.. valid.CompetenceIds];
        person.Competences = [.. valid.Competences];
        person.ChallengeAreas = [.. valid.ChallengeAreas];
        person.ServiceCodes = [.. valid.ServiceCodes];
        person.ServicesKnown = [.. valid.ServicesKnown];
        person.Languages = [.. valid.Languages];
        person.CapacityHoursPerMonth = valid.CapacityHoursPerMonth;
        person.Description = valid.Description;
        person.ManagerId = valid.ManagerId;
        person.ContactEmail = valid.ContactEmail;
        person.ManagerEmail = valid.ManagerEmail;
        person.OptedIn = valid.OptedIn;
        person.Visibility = valid.Visibility;
        person.PublicFields = [.. valid.PublicFields];
        person.UpdatedAt = now;

        // Whoever edits a profile has just looked it over: that confirms it, as ConfirmResourcePerson does.
        person.ConfirmedAt = now;
    }
}
