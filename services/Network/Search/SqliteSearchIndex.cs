using Civic.Network.ResourcePersons;
using Civic.Network.Taxonomy;
using Microsoft.EntityFrameworkCore;

namespace Civic.Network.Search;

/// <summary>
/// SQLite: an FTS5 table of Snowball-Danish stems (SQLite has no Danish stemmer), ranked by bm25
/// with the same column weights as PostgreSQL's (competences most, description least). The one-machine
/// default holds a few thousand profiles, so the matches are ranked, filtered and counted here in the
/// service by <see cref="SearchRanking"/> and <see cref="SearchFacets"/>, the rules PostgreSQL's SQL follows (the folded
/// words of competences read from the taxonomy per search, where PostgreSQL keeps them in the search row).
/// </summary>
public sealed class SqliteSearchIndex(NetworkDbContext db) : ISearchIndex
{
    public async Task ReplaceAsync(string personId, IReadOnlyList<SearchDocument> documents, CancellationToken cancellationToken)
    {
        await using (var delete = await SqlCommands.CreateAsync(db, "DELETE FROM resource_person_search WHERE person_id = @id", cancellationToken, ("id", personId)))
        {
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        // An FTS5 table takes no trigger (Migrations/0012): the search rows change, so the search generation does.
        await using (var increment = await SqlCommands.CreateAsync(db, "UPDATE search_generation SET value = value + 1", cancellationToken))
        {
            await increment.ExecuteNonQueryAsync(cancellationToken);
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

    public async Task<SearchPage> SearchAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        var candidates = await CandidatesAsync(query, cancellationToken);
        var filtered = candidates.Where(c => query.Filters.Accepts(c.Person, c.AvailableHours)).ToList();
        var textScale = query.After?.TextScale ?? SearchRanking.TextScale(filtered);
        var ranked = SearchRanking.Rank(filtered, query.Stems, textScale);
        var rest = query.After is { } position ? ranked.Where(h => SearchCursor.IsAfter(h, position)) : ranked;
        return new SearchPage(rest.Take(query.Limit).ToList(), ranked.Count, SearchFacets.Count(ranked), textScale);
    }

    private async Task<List<SearchCandidate>> CandidatesAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        var matching = db.ResourcePersons.AsNoTracking();
        Dictionary<string, double> textRanks;
        if (query.Words.Count == 0)
        {
            matching = matching.Where(p => p.OptedIn && (query.Audience == SearchAudience.Internal || p.Visibility == Visibility.Public));
            textRanks = [];
        }
        else
        {
            textRanks = await MatchAsync(query.Audience, query.Stems, cancellationToken);
            var ids = textRanks.Keys.ToList();
            // One array parameter: EF Core 10 would otherwise send each id as its own parameter.
            matching = matching.Where(p => EF.Parameter(ids).Contains(p.Id));
        }

        var people = await matching.ToListAsync(cancellationToken);
        var taxonomy = await FoldedTaxonomy.LoadAsync(db, cancellationToken);
        var booked = await db.CapacityMonths.AsNoTracking().Where(m => m.Month == query.Month)
            .ToDictionaryAsync(m => m.PersonId, m => m.BookedHours, StringComparer.Ordinal, cancellationToken);
        return people.Select(person =>
            {
                var available = Math.Max(0, person.CapacityHoursPerMonth - booked.GetValueOrDefault(person.Id));
                var candidate = query.Audience == SearchAudience.Internal
                    ? new SearchCandidate(person, available, textRanks.GetValueOrDefault(person.Id))
                    : new SearchCandidate(ProfileVisibility.ForOutsiders(person), person.PublicFields.Contains(ProfileField.Capacity) ? available : 0, textRanks.GetValueOrDefault(person.Id));
                return candidate with { FoldedCompetences = taxonomy.FoldedTermsOf(candidate.Person) };
            })
            .ToList();
    }

    private async Task<Dictionary<string, double>> MatchAsync(SearchAudience audience, IReadOnlyList<string> stems, CancellationToken cancellationToken)
    {
        // Each stem is quoted (letters and digits only), so FTS5 sees no operator but OR and the prefix star.
        var match = "{name competences areas services description} : (" + string.Join(" OR ", stems.Select(s => $"\"{s}\"*")) + ")";
        await using var command = await SqlCommands.CreateAsync(db,
            """
            SELECT person_id, -bm25(resource_person_search, 0.0, 0.0, 0.4, 1.0, 0.4, 0.4, 0.05)
            FROM resource_person_search
            WHERE resource_person_search MATCH @query AND audience = @audience
            """,
            cancellationToken, ("query", match), ("audience", audience.ToString()));
        var ranks = new Dictionary<string, double>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ranks[reader.GetString(0)] = reader.GetDouble(1);
        }

        return ranks;
    }
}
