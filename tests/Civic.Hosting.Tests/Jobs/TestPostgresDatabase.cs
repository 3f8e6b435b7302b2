using Civic.Testing;
using Npgsql;

namespace Civic.Hosting.Tests.Jobs;

/// <summary>
/// A database of its own on the server named by CIVIC_TEST_POSTGRES, for one test class, dropped
/// afterwards. Without the variable the tests skip (locally) or fail (CI=true).
/// </summary>
public sealed class TestPostgresDatabase : IAsyncLifetime
{
    private const string Variable = "CIVIC_TEST_POSTGRES";
    private readonly string? _server = Environment.GetEnvironmentVariable(Variable);
    private readonly string _name = $"civic_test_{Guid.NewGuid():N}";

    /// <summary>The database's connection string; skips or fails the test when there is no server.</summary>
    public string ConnectionString
    {
        get
        {
            if (string.IsNullOrWhiteSpace(_server))
            {
                ExternalTool.Unavailable($"{Variable} is not set (e.g. Host=127.0.0.1;Port=5432;Username=civic;Password=civic;Database=postgres).");
            }

            return new NpgsqlConnectionStringBuilder(_server) { Database = _name }.ConnectionString;
        }
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask InitializeAsync()
    {
        if (!string.IsNullOrWhiteSpace(_server))
        {
            await OnServerAsync($"CREATE DATABASE \"{_name}\"");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!string.IsNullOrWhiteSpace(_server))
        {
            NpgsqlConnection.ClearAllPools();
            await OnServerAsync($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");
        }
    }

    private async Task OnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
