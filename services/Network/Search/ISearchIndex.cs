namespace Civic.Network.Search;

/// <summary>A full-text match and its relevance; higher is better.</summary>
public readonly record struct TextMatch(string PersonId, double Rank);

/// <summary>
/// The database's full-text index of profiles: PostgreSQL's "danish" configuration (tsvector, GIN),
/// or SQLite's FTS5 fed with Snowball-stemmed words. Writes join the caller's transaction.
/// </summary>
public interface ISearchIndex
{
    /// <summary>Replaces a profile's rows with <paramref name="documents"/> (none removes it from search).</summary>
    Task ReplaceAsync(string personId, IReadOnlyList<SearchDocument> documents, CancellationToken cancellationToken);

    /// <summary>
    /// The profiles of <paramref name="audience"/> with any of <paramref name="words"/> (lower-case
    /// letters and digits, no stop words) or a word they begin, after stemming.
    /// </summary>
    Task<IReadOnlyList<TextMatch>> MatchAsync(SearchAudience audience, IReadOnlyList<string> words, CancellationToken cancellationToken);
}
