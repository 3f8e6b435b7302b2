using System.Data;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Civic.Network.Search.InMemory;

/// <summary>A consistent reading of the search rows (all, or those of some profiles) at one search generation.</summary>
public sealed record SearchRowsRead(long Generation, IReadOnlyList<SearchRowData> Rows);

/// <summary>The changes since a generation: the profiles to re-read, or null when everything must be (a TRUNCATE, or too many).</summary>
public sealed record SearchChanges(long Generation, IReadOnlyList<string>? PersonIds);

/// <summary>
/// Reads resource_person_search for <see cref="ProfileSearchIndex"/> from PostgreSQL: the document's lexemes and
/// weights (binary tsvector), the lexemes of "other" competences from the "danish" configuration, and the month's booked
/// hours, each reading in one REPEATABLE READ snapshot with the search generation it reflects.
/// </summary>
public static class SearchRowReader
{
    /// <summary>More changed profiles than this since the index's generation: rebuilding is as cheap as catching up.</summary>
    public const int MaxChangesToCatchUp = 5_000;

    private const string Columns =
        """
        SELECT s.person_id, s.audience, s.document, s.organisation, s.competence_ids, s.broad_competence_ids,
          ARRAY(SELECT array_to_string(tsvector_to_array(to_tsvector('danish', x)), ' ') FROM unnest(s.other_competences) x),
          s.challenge_areas, s.languages, s.capacity_hours, coalesce(c.booked_hours, 0), s.completed_assignments, s.feedback_points, s.stale
        FROM resource_person_search s LEFT JOIN capacity_months c ON c.person_id = s.person_id AND c.month = @month
        """;

    /// <summary>The generation and the lexemes of <paramref name="tsQuery"/> (to_tsquery('danish', …)::text), in one round trip.</summary>
    public static async Task<(long Generation, string QueryText)> GenerationAndQueryAsync(NetworkDbContext db, string? tsQuery, CancellationToken cancellationToken)
    {
        await using var command = await SqlCommands.CreateAsync(db,
            tsQuery is null ? "SELECT value, '' FROM search_generation" : "SELECT value, to_tsquery('danish', @query)::text FROM search_generation",
            cancellationToken, tsQuery is null ? [] : [("query", tsQuery)]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.GetString(1));
    }

    public static Task<SearchRowsRead> ReadAllAsync(NetworkDbContext db, string month, CancellationToken cancellationToken) =>
        InSnapshotAsync(db, async () => new SearchRowsRead(await GenerationAsync(db, cancellationToken), await RowsAsync(db, Columns, month, null, cancellationToken)));

    /// <summary>The profiles changed after <paramref name="since"/>, and their rows now.</summary>
    public static Task<(SearchChanges Changes, IReadOnlyList<SearchRowData> Rows)> ReadChangesAsync(NetworkDbContext db, long since, string month, CancellationToken cancellationToken) =>
        InSnapshotAsync(db, async () =>
        {
            var generation = await GenerationAsync(db, cancellationToken);
            var changed = new List<string>();
            await using (var command = await SqlCommands.CreateAsync(db, "SELECT person_id FROM search_changes WHERE generation > @since LIMIT @limit", cancellationToken,
                ("since", since), ("limit", MaxChangesToCatchUp + 1)))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    changed.Add(reader.GetString(0));
                }
            }

            if (changed.Count > MaxChangesToCatchUp || changed.Contains(string.Empty))
            {
                return (new SearchChanges(generation, null), (IReadOnlyList<SearchRowData>)[]);
            }

            var rows = changed.Count == 0 ? [] : await RowsAsync(db, Columns + " WHERE s.person_id = ANY(@ids)", month, changed.ToArray(), cancellationToken);
            return (new SearchChanges(generation, changed), rows);
        });

    private static async Task<T> InSnapshotAsync<T>(NetworkDbContext db, Func<Task<T>> read)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead);
        var result = await read();
        await transaction.CommitAsync();
        return result;
    }

    private static async Task<long> GenerationAsync(NetworkDbContext db, CancellationToken cancellationToken)
    {
        await using var command = await SqlCommands.CreateAsync(db, "SELECT value FROM search_generation", cancellationToken);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static async Task<IReadOnlyList<SearchRowData>> RowsAsync(NetworkDbContext db, string sql, string month, string[]? ids, CancellationToken cancellationToken)
    {
        await using var command = await SqlCommands.CreateAsync(db, sql, cancellationToken, ids is null ? [("month", month)] : [("month", month), ("ids", ids)]);
        var rows = new List<SearchRowData>();
        await using var reader = (NpgsqlDataReader)await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var document = reader.GetFieldValue<NpgsqlTsVector>(2);
            rows.Add(new SearchRowData(
                reader.GetString(0),
                Enum.Parse<SearchAudience>(reader.GetString(1)),
                document.Select(l => (l.Text, TsRank.Term(l))).ToArray(),
                reader.GetString(3),
                reader.GetFieldValue<string[]>(4),
                reader.GetFieldValue<string[]>(5),
                reader.GetFieldValue<string[]>(6).Select(l => l.Length == 0 ? [] : l.Split(' ')).ToArray(),
                reader.GetFieldValue<string[]>(7),
                reader.GetFieldValue<string[]>(8),
                reader.GetInt32(9),
                reader.GetInt32(10),
                reader.GetInt32(11),
                reader.GetInt32(12),
                reader.GetBoolean(13)));
        }

        return rows;
    }
}
