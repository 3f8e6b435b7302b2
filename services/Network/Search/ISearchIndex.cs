namespace Civic.Network.Search;

/// <summary>
/// One page of a search: the opted-in profiles of <paramref name="Audience"/> with any of <paramref name="Words"/>
/// (lower-case letters and digits, no stop words; a word also finds the words it begins, after stemming; none: everyone)
/// that pass <paramref name="Filters"/>, ranked by <see cref="SearchRanking"/>'s rules, the first <paramref name="Limit"/>
/// after the cursor <paramref name="After"/> (and with its text scale); free hours are those of the ledger's <paramref name="Month"/>.
/// </summary>
public sealed record SearchQuery(SearchAudience Audience, IReadOnlyList<string> Words, SearchFilters Filters, SearchPosition? After, int Limit, string Month)
{
    public IReadOnlyList<string> Stems { get; } = Words.Select(DanishText.Stem).ToList();

    /// <summary>The words as PostgreSQL's query text: any of them, each also as a prefix (letters and digits only, so no other operator).</summary>
    public string PrefixTsQuery => string.Join(" | ", Words.Select(w => w + ":*"));
}

/// <summary>
/// The hits of one page, best first (their <see cref="SearchHit.Person"/> may hold only the fields ranking read),
/// the number of all matches, the facets counted over all of them, and the text scale the scores used.
/// </summary>
public sealed record SearchPage(IReadOnlyList<SearchHit> Hits, int TotalSize, IReadOnlyList<FacetCount> Facets, double TextScale)
{
    /// <summary>
    /// The hits' whole profiles by id, when the index read them with its answer (<see cref="PageProfiles.ReadIfAtAsync"/>);
    /// null: the caller reads them.
    /// </summary>
    public IReadOnlyDictionary<string, ResourcePersons.ResourcePerson>? Profiles { get; init; }
}

/// <summary>
/// The database's full-text index of profiles: PostgreSQL's "danish" configuration (tsvector, GIN),
/// or SQLite's FTS5 fed with Snowball-stemmed words. Writes join the caller's transaction.
/// </summary>
public interface ISearchIndex
{
    /// <summary>Replaces a profile's rows with <paramref name="documents"/> (none removes it from search).</summary>
    Task ReplaceAsync(string personId, IReadOnlyList<SearchDocument> documents, CancellationToken cancellationToken);

    Task<SearchPage> SearchAsync(SearchQuery query, CancellationToken cancellationToken);
}
