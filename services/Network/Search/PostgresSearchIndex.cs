using System.Globalization;
using Civic.Network.ResourcePersons;
using Civic.Network.Search.InMemory;

namespace Civic.Network.Search;

/// <summary>
/// PostgreSQL: the table keeps the texts; a generated tsvector column weighs them with the "danish"
/// configuration (competences A, challenge areas B, name and services C, description D) under a GIN index
/// per audience. The row also holds what search filters, ranks and counts by, redacted for its audience
/// (Migrations/0011), so one statement matches, filters, ranks, cuts the page after the cursor and counts
/// the facets, and the service reads only the page and the counts: a common word matches thousands of
/// the 100,000 profiles of bench/network-search. The row's other_competences hold the folded words of its
/// competences too (<see cref="SearchDocument.FoldedCompetences"/>): each counts as a matching competence, as an "other" one does.
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
            var person = document.Person;
            await using var insert = await SqlCommands.CreateAsync(db,
                """
                INSERT INTO resource_person_search (person_id, audience, name, competences, areas, services, description,
                  organisation, competence_ids, broad_competence_ids, other_competences, challenge_areas, languages, capacity_hours, completed_assignments, feedback_points, stale)
                VALUES (@id, @audience, @name, @competences, @areas, @services, @description,
                  @organisation, @competence_ids, @broad_competence_ids, @other_competences, @challenge_areas, @languages, @capacity_hours, @completed_assignments, @feedback_points, @stale)
                """,
                cancellationToken,
                ("id", personId), ("audience", document.Audience.ToString()), ("name", document.Name), ("competences", document.Competences),
                ("areas", document.Areas), ("services", document.Services), ("description", document.Description),
                ("organisation", person.Organisation), ("competence_ids", person.CompetenceIds.ToArray()),
                ("broad_competence_ids", SearchFacets.BroadIds(person.CompetenceIds).ToArray()), ("other_competences", person.Competences.Concat(document.FoldedCompetences).ToArray()),
                ("challenge_areas", person.ChallengeAreas.ToArray()), ("languages", person.Languages.Select(l => l.ToString()).ToArray()),
                ("capacity_hours", person.CapacityHoursPerMonth), ("completed_assignments", person.CompletedAssignments),
                ("feedback_points", person.FeedbackPoints), ("stale", person.IsStale));
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public async Task<SearchPage> SearchAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        var hasWords = query.Words.Count > 0;
        (string, object)[] parameters =
        [
            ("month", query.Month),
            ("organisations", query.Filters.Organisations.ToArray()),
            ("competence_ids", query.Filters.CompetenceIds.ToArray()),
            ("areas", query.Filters.ChallengeAreas.Select(a => a.ToLowerInvariant()).ToArray()),
            ("languages", query.Filters.Languages.Select(l => l.ToString()).ToArray()),
            ("min_hours", query.Filters.MinAvailableHours),
            // No cursor: start above every score (a score key never reaches long.MaxValue).
            ("after_score", query.After?.ScoreKey ?? long.MaxValue),
            ("after_id", query.After?.Id ?? string.Empty),
            // A later page keeps the first page's text scale; -1: this search's best text rank.
            ("text_scale", query.After?.TextScale ?? -1.0),
            ("limit", query.Limit),
        ];
        if (hasWords)
        {
            parameters = [.. parameters, ("query", query.PrefixTsQuery), ("matched", SearchRanking.MatchedCompetences(query.Stems).ToArray())];
        }

        await using var command = await SqlCommands.CreateAsync(db, Sql(query.Audience, hasWords), cancellationToken, parameters);

        var hits = new List<SearchHit>();
        var counts = new List<(string, string, int)>();
        var (total, textScale) = (0, 0.0);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var (kind, value, count) = (reader.GetString(0), reader.GetString(1), (int)reader.GetInt64(2));
            switch (kind)
            {
                case "hit":
                    hits.Add(new SearchHit(new ResourcePerson { Id = value, DisplayName = string.Empty, Organisation = string.Empty }, count, reader.GetInt64(3)));
                    break;
                case "total":
                    (total, textScale) = (count, reader.GetDouble(4));
                    break;
                default:
                    counts.Add((kind, value, count));
                    break;
            }
        }

        return new SearchPage(hits, total, SearchFacets.Arrange(counts), textScale);
    }

    /// <summary>
    /// The statement: SearchRanking's score in SQL, ordered by score down and id (byte order, as the cursor compares)
    /// up. The audience is written into the text, not a parameter, so the planner can use its partial index.
    /// Its cost grows with the matches (thousands for a common word), so per match it avoids a subquery where a
    /// function does: matched competences are counted as lexemes a tsvector of the ids loses to ts_delete, "other"
    /// competences only when there are any, and facet values are unnested in the select list (one ProjectSet
    /// instead of a function scan per match). Measured on bench/network-search's data: about a quarter less CPU.
    /// </summary>
    private static string Sql(SearchAudience audience, bool hasWords) => string.Create(CultureInfo.InvariantCulture,
        $$"""
        WITH m AS MATERIALIZED (
          SELECT s.person_id AS id, s.organisation, s.broad_competence_ids, s.challenge_areas, s.languages,
            greatest(0, s.capacity_hours - coalesce(c.booked_hours, 0)) AS available, s.completed_assignments, s.feedback_points, s.stale,
            {{(hasWords ? $"ts_rank('{TsRank.WeightsLiteral}', s.document, q)::float8" : "0::float8")}} AS text_rank,
            {{(hasWords
                ? "length(array_to_tsvector(s.competence_ids)) - length(ts_delete(array_to_tsvector(s.competence_ids), @matched))"
                  + " + CASE WHEN s.other_competences = '{}' THEN 0 ELSE (SELECT count(*) FROM unnest(s.other_competences) x WHERE to_tsvector('danish', x) @@ q) END"
                : "0")}} AS competence_matches
          FROM {{(hasWords ? "to_tsquery('danish', @query) q, " : string.Empty)}}resource_person_search s
          LEFT JOIN capacity_months c ON c.person_id = s.person_id AND c.month = @month
          WHERE s.audience = '{{audience}}'{{(hasWords ? " AND s.document @@ q" : string.Empty)}}
            AND (cardinality(@organisations) = 0 OR s.organisation = ANY(@organisations))
            AND (cardinality(@competence_ids) = 0 OR s.competence_ids && @competence_ids OR s.broad_competence_ids && @competence_ids)
            AND (cardinality(@areas) = 0 OR EXISTS (SELECT 1 FROM unnest(s.challenge_areas) x WHERE lower(x) = ANY(@areas)))
            AND (cardinality(@languages) = 0 OR s.languages && @languages)
            AND greatest(0, s.capacity_hours - coalesce(c.booked_hours, 0)) >= @min_hours
        ),
        ranked AS (
          SELECT id, available, round((
              {{SearchRanking.CompetenceWeight}} * least(competence_matches, {{SearchRanking.MaxCountedCompetences}})
              + {{SearchRanking.TextWeight}} * coalesce(text_rank / nullif(CASE WHEN @text_scale >= 0 THEN @text_scale ELSE max(text_rank) OVER () END, 0), 0)
              + {{SearchRanking.AvailabilityWeight}} * least(available, {{SearchRanking.HoursForFullAvailability}})::float8 / {{SearchRanking.HoursForFullAvailability}}
              + {{SearchRanking.EvidenceWeight}} * (least(completed_assignments, {{SearchRanking.AssignmentsForFullEvidence}})::float8 / {{SearchRanking.AssignmentsForFullEvidence}}
                  + CASE WHEN completed_assignments > 0 THEN feedback_points / (5.0 * completed_assignments) ELSE 0 END) / 2
              - CASE WHEN stale THEN {{SearchRanking.StalePenalty}} ELSE 0 END) * {{SearchRanking.ScoreKeyScale}})::bigint AS score
          FROM m
        )
        (SELECT 'hit' AS kind, id AS value, available::bigint AS count, score, 0::float8 AS text_scale FROM ranked
          WHERE score < @after_score OR (score = @after_score AND id COLLATE "C" > @after_id)
          ORDER BY score DESC, id COLLATE "C" LIMIT @limit)
        UNION ALL (SELECT 'total', '', count(*), 0, CASE WHEN @text_scale >= 0 THEN @text_scale ELSE coalesce(max(text_rank), 0) END FROM m)
        UNION ALL (SELECT '{{SearchFacets.Organisation}}', organisation, count(*), 0, 0 FROM m WHERE organisation <> '' GROUP BY organisation
          ORDER BY count(*) DESC, organisation COLLATE "C" LIMIT {{SearchFacets.MaxValuesPerFacet}})
        UNION ALL (SELECT '{{SearchFacets.Competence}}', broad, count(*), 0, 0 FROM (SELECT unnest(broad_competence_ids) AS broad FROM m) f
          GROUP BY broad ORDER BY count(*) DESC, broad COLLATE "C" LIMIT {{SearchFacets.MaxValuesPerFacet}})
        UNION ALL (SELECT '{{SearchFacets.ChallengeArea}}', area, count(*), 0, 0 FROM (SELECT unnest(challenge_areas) AS area FROM m) f GROUP BY area
          ORDER BY count(*) DESC, area COLLATE "C" LIMIT {{SearchFacets.MaxValuesPerFacet}})
        UNION ALL (SELECT '{{SearchFacets.Language}}', language, count(*), 0, 0 FROM (SELECT unnest(languages) AS language FROM m) f GROUP BY language)
        UNION ALL (SELECT '{{SearchFacets.AvailableHours}}', hours::text, reached, 0, 0
          FROM (SELECT ARRAY[{{string.Join(", ", SearchFacets.HourThresholds.Select(t => $"count(*) FILTER (WHERE available >= {t})"))}}] AS counts FROM m) c,
            unnest(ARRAY[{{string.Join(", ", SearchFacets.HourThresholds)}}], c.counts) AS u(hours, reached))
        """);
}
