using System.Data;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Civic.Network.Search.InMemory;

/// <summary>The changes since a generation: the profiles to re-read, or null when everything must be (a TRUNCATE, or too many).</summary>
public sealed record SearchChanges(long Generation, IReadOnlyList<string>? PersonIds);

/// <summary>
/// Reads resource_person_search for <see cref="ProfileSearchIndex"/> from PostgreSQL: the document's lexemes and
/// weights (tsvectorsend's bytes, <see cref="TsVectorBinary"/>), the lexemes of "other" competences from the "danish"
/// configuration, and the month's booked hours, each reading in one REPEATABLE READ snapshot with the search generation
/// it reflects. Rows are handed on as they arrive, so a build never holds all of them (at 100,000 profiles the rows as
/// read were several times the index).
/// </summary>
public static class SearchRowReader
{
    /// <summary>More changed profiles than this since the index's generation: rebuilding is as cheap as catching up.</summary>
    public const int MaxChangesToCatchUp = 5_000;

    private const string Columns =
        """
        SELECT s.person_id, s.audience, tsvectorsend(s.document), s.organisation, s.competence_ids, s.broad_competence_ids,
          ARRAY(SELECT array_to_string(tsvector_to_array(to_tsvector('danish', x)), ' ') FROM unnest(s.other_competences) x),
          s.challenge_areas, s.languages, s.capacity_hours, coalesce(c.booked_hours, 0), s.completed_assignments, s.feedback_points, s.stale
        FROM resource_person_search s LEFT JOIN capacity_months c ON c.person_id = s.person_id AND c.month = @month
        """;

    /// <summary>The generation and the lexemes of <paramref name="tsQuery"/> (to_tsquery('danish', …)::text), in one round trip.</summary>
    public static async Task<(long Generation, string QueryText)> GenerationAndQueryAsync(NetworkDbContext db, string tsQuery, CancellationToken cancellationToken)
    {
        await using var command = await SqlCommands.CreateAsync(db, "SELECT value, to_tsquery('danish', @query)::text FROM search_generation",
            cancellationToken, ("query", tsQuery));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.GetString(1));
    }

    /// <summary>Every row, each handed to <paramref name="add"/> as it is read; the generation they reflect.</summary>
    public static Task<long> ReadAllAsync(NetworkDbContext db, string month, LexemeStrings strings, Action<SearchRowData> add, CancellationToken cancellationToken) =>
        InSnapshotAsync(db, async () =>
        {
            var generation = await GenerationAsync(db, cancellationToken);
            await RowsAsync(db, Columns, month, null, strings, add, cancellationToken);
            return generation;
        });

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

            var rows = new List<SearchRowData>();
            if (changed.Count > 0)
            {
                await RowsAsync(db, Columns + " WHERE s.person_id = ANY(@ids)", month, changed.ToArray(), new LexemeStrings(), rows.Add, cancellationToken);
            }

            return (new SearchChanges(generation, changed), (IReadOnlyList<SearchRowData>)rows);
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

    private static async Task RowsAsync(NetworkDbContext db, string sql, string month, string[]? ids, LexemeStrings strings, Action<SearchRowData> add, CancellationToken cancellationToken)
    {
        await using var command = await SqlCommands.CreateAsync(db, sql, cancellationToken, ids is null ? [("month", month)] : [("month", month), ("ids", ids)]);
        await using var reader = (NpgsqlDataReader)await command.ExecuteReaderAsync(cancellationToken);
        // One buffer for every row's document bytes (a few hundred bytes each).
        var document = new byte[1024];
        while (await reader.ReadAsync(cancellationToken))
        {
            var length = (int)reader.GetBytes(2, 0, null, 0, 0);
            if (length > document.Length)
            {
                document = new byte[Math.Max(length, 2 * document.Length)];
            }

            reader.GetBytes(2, 0, document, 0, length);
            add(new SearchRowData(
                reader.GetString(0),
                Enum.Parse<SearchAudience>(reader.GetString(1)),
                Lexemes(document.AsSpan(0, length), strings),
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
    }

    /// <summary>A document's lexemes (interned) with their <see cref="TsRank.Term"/>.</summary>
    private static (string Lexeme, float Term)[] Lexemes(ReadOnlySpan<byte> document, LexemeStrings strings)
    {
        var vector = new TsVectorBinary(document);
        var lexemes = new (string, float)[vector.Remaining];
        for (var i = 0; vector.TryRead(out var lexeme); i++)
        {
            lexemes[i] = (strings.Of(lexeme.Utf8), TsRank.Term(lexeme));
        }

        return lexemes;
    }
}
