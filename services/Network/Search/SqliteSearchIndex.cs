namespace Civic.Network.Search;

/// <summary>
/// SQLite: an FTS5 table of Snowball-Danish stems (SQLite has no Danish stemmer), ranked by bm25
/// with the same column weights as PostgreSQL's (competences most, description least).
/// </summary>
public sealed class SqliteSearchIndex(NetworkDbContext db) : ISearchIndex
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
                ("id", personId), ("audience", document.Audience.ToString()), ("name", DanishText.StemmedText(document.Name)),
                ("competences", DanishText.StemmedText(document.Competences)), ("areas", DanishText.StemmedText(document.Areas)),
                ("services", DanishText.StemmedText(document.Services)), ("description", DanishText.StemmedText(document.Description)));
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public async Task<IReadOnlyList<TextMatch>> MatchAsync(SearchAudience audience, IReadOnlyList<string> words, CancellationToken cancellationToken)
    {
        // Each stem is quoted (letters and digits only), so FTS5 sees no operator but OR and the prefix star.
        var query = "{name competences areas services description} : (" + string.Join(" OR ", words.Select(w => $"\"{DanishText.Stem(w)}\"*")) + ")";
        await using var command = await SqlCommands.CreateAsync(db,
            """
            SELECT person_id, -bm25(resource_person_search, 0.0, 0.0, 0.4, 1.0, 0.4, 0.4, 0.05)
            FROM resource_person_search
            WHERE resource_person_search MATCH @query AND audience = @audience
            """,
            cancellationToken, ("query", query), ("audience", audience.ToString()));
        return await SqlCommands.ReadMatchesAsync(command, cancellationToken);
    }
}
