using System.Data.Common;
using System.Globalization;

namespace Civic.Services.FunctionalTests.Migrations;

/// <summary>Reads tables column by column as text, on PostgreSQL or SQLite, so an upgrade can be shown to keep every value.</summary>
public static class TableRows
{
    public static async Task<IReadOnlyList<string>> ColumnsAsync(DbConnection connection, string table, bool postgres)
    {
        var columns = new List<string>();
        await using var command = connection.CreateCommand();
        command.CommandText = postgres
            ? $"SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = '{table}' ORDER BY ordinal_position"
            : $"SELECT name FROM pragma_table_info('{table}') ORDER BY cid";
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            columns.Add(reader.GetString(0));
        }

        return columns;
    }

    /// <summary>Every row of <paramref name="table"/> as one text of the <paramref name="columns"/>' values, in order.</summary>
    public static async Task<IReadOnlyList<string>> ReadAsync(DbConnection connection, string table, IReadOnlyList<string> columns, bool postgres)
    {
        var values = postgres ? columns.Select(c => $"quote_nullable({c}::text)") : columns.Select(c => $"quote({c})");
        var rows = new List<string>();
        await using var command = connection.CreateCommand();
        command.CommandText = postgres
            ? $"SELECT concat_ws('|', {string.Join(", ", values)}) FROM {table} ORDER BY 1"
            : $"SELECT {string.Join(" || '|' || ", values)} FROM {table} ORDER BY 1";
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    /// <summary>Each table's columns and rows now: compare the rows after an upgrade with <see cref="UnchangedAsync"/>.</summary>
    public static async Task<IReadOnlyDictionary<string, (IReadOnlyList<string> Columns, IReadOnlyList<string> Rows)>> SnapshotAsync(
        DbConnection connection, IEnumerable<string> tables, bool postgres)
    {
        var snapshot = new Dictionary<string, (IReadOnlyList<string>, IReadOnlyList<string>)>();
        foreach (var table in tables)
        {
            var columns = await ColumnsAsync(connection, table, postgres);
            snapshot[table] = (columns, await ReadAsync(connection, table, columns, postgres));
        }

        return snapshot;
    }

    /// <summary>Asserts every value of every column each table had in <paramref name="before"/> is still there (an upgrade may add columns).</summary>
    public static async Task UnchangedAsync(
        DbConnection connection, IReadOnlyDictionary<string, (IReadOnlyList<string> Columns, IReadOnlyList<string> Rows)> before, bool postgres)
    {
        foreach (var (table, (columns, rows)) in before)
        {
            Assert.Equal(rows, await ReadAsync(connection, table, columns, postgres));
        }
    }

    /// <summary>A time literal as the storage writes it: timestamptz text on PostgreSQL, Unix milliseconds on SQLite.</summary>
    public static string Time(bool postgres, string iso) =>
        postgres ? $"'{iso}'" : DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    public static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}
