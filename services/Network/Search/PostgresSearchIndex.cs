namespace Civic.Network.Search;

/// <summary>
/// PostgreSQL: the table keeps the texts; a generated tsvector column weighs them with the "danish"
/// configuration (competences A, challenge areas B, name and services C, description D) under a GIN index.
/// </summary>
public sealed class PostgresSearchIndex(NetworkDbContext db) : ISearchIndex
{
    public async Task ReplaceAsync(string personId, IReadOnlyList<SearchDocument> documents, CancellationToken cancellationToken)
    {
        await using (var delete = await SqlCommands.CreateAsync(db, "DELETE FROM resource_person_search WHERE person_id = @id", cancellationToken, ("id", personId)))
        {
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var document in documents)
        {
            await using var insert = await SqlCommands.CreateAsync(db,
                "INSERT INTO resource_person_search (person_id, audience, name, competences, areas, services, description) VALUES (@id, @audience, @name, @competences, @areas, @services, @description)",
                cancellationToken,
                ("id", personId), ("audience", document.Audience.ToString()), ("name", document.Name), ("competences", document.Competences),
                ("areas", document.Areas), ("services", document.Services), ("description", document.Description));
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public async Task<IReadOnlyList<TextMatch>> MatchAsync(SearchAudience audience, IReadOnlyList<string> words, CancellationToken cancellationToken)
    {
        // The words are letters and digits only (DanishText.Words), so the tsquery holds no operator but the ones written here.
        var query = string.Join(" | ", words.Select(w => w + ":*"));
        await using var command = await SqlCommands.CreateAsync(db,
            """
            SELECT person_id, ts_rank('{0.05, 0.2, 0.4, 1.0}', document, q)::float8
            FROM resource_person_search, to_tsquery('danish', @query) q
            WHERE audience = @audience AND document @@ q
            """,
            cancellationToken, ("query", query), ("audience", audience.ToString()));
        return await SqlCommands.ReadMatchesAsync(command, cancellationToken);
    }
}
