namespace Civic.Network.Search.InMemory;

/// <summary>
/// PostgreSQL's search with the in-memory index in front: writes go to the database (whose triggers record them for
/// the index), searches are answered by <see cref="ProfileSearchIndex"/> when it can and by the SQL otherwise.
/// </summary>
public sealed class InMemoryFirstSearchIndex(NetworkDbContext db, PostgresSearchIndex sql, ProfileSearchIndex memory) : ISearchIndex
{
    public Task ReplaceAsync(string personId, IReadOnlyList<SearchDocument> documents, CancellationToken cancellationToken) =>
        sql.ReplaceAsync(personId, documents, cancellationToken);

    public async Task<SearchPage> SearchAsync(SearchQuery query, CancellationToken cancellationToken) =>
        await memory.SearchAsync(db, query, cancellationToken) ?? await sql.SearchAsync(query, cancellationToken);
}
