using Civic.Testing;
using Npgsql;

namespace Civic.Services.FunctionalTests.Infrastructure;

/// <summary>Where a service under test keeps its data: a SQLite file, or a PostgreSQL database of its own.</summary>
public abstract class StorageBackend : IAsyncDisposable
{
    /// <summary>Settings that point a service at this backend.</summary>
    public abstract IReadOnlyDictionary<string, string> Settings(string serviceName);

    public abstract ValueTask DisposeAsync();
}

/// <summary>A SQLite file in a temporary folder that is deleted afterwards.</summary>
public sealed class SqliteBackend : StorageBackend
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "civic-functional-tests", Guid.NewGuid().ToString("N"));

    public string ConnectionString(string serviceName) => $"Data Source={Path.Combine(_folder, serviceName + ".db")};Pooling=False";

    public override IReadOnlyDictionary<string, string> Settings(string serviceName) => new Dictionary<string, string>
    {
        ["Storage:Provider"] = "Sqlite",
        [$"ConnectionStrings:{serviceName}"] = ConnectionString(serviceName),
        ["Jobs:Store"] = "InMemory",
    };

    public override ValueTask DisposeAsync()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// A uniquely named PostgreSQL database, created on the server named by CIVIC_TEST_POSTGRES (a role
/// that may create databases) and dropped afterwards. The service's Hangfire server keeps its jobs
/// in the same database (schema "hangfire"), as in production.
/// </summary>
public sealed class PostgresBackend : StorageBackend
{
    public const string Variable = "CIVIC_TEST_POSTGRES";

    private readonly string _serverConnectionString;

    private PostgresBackend(string serverConnectionString, string databaseName)
    {
        _serverConnectionString = serverConnectionString;
        DatabaseName = databaseName;
    }

    public string DatabaseName { get; }

    public string ConnectionString => new NpgsqlConnectionStringBuilder(_serverConnectionString) { Database = DatabaseName, Pooling = false }.ConnectionString;

    /// <summary>Null (with the reason) when no PostgreSQL server is configured.</summary>
    public static async Task<(PostgresBackend? Backend, string? Unavailable)> TryCreateAsync()
    {
        var server = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(server))
        {
            return (null, $"{Variable} is not set (e.g. Host=127.0.0.1;Port=5432;Username=civic;Password=civic;Database=postgres).");
        }

        var name = $"civic_test_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE \"{name}\"";
        await command.ExecuteNonQueryAsync();
        return (new PostgresBackend(server, name), null);
    }

    public override IReadOnlyDictionary<string, string> Settings(string serviceName) => new Dictionary<string, string>
    {
        ["Storage:Provider"] = "Postgres",
        [$"ConnectionStrings:{serviceName}"] = ConnectionString,
        ["Jobs:Store"] = "Postgres",
    };

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await using var connection = new NpgsqlConnection(_serverConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)";
        // FORCE may not end a server process of another role in the database (an autovacuum worker on a database
        // that just got many rows: 42501); such a process ends by itself, so try again for a few seconds.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await command.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 20)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250));
            }
        }
    }

    /// <summary>Skips the test locally, fails it in CI, when PostgreSQL is not available.</summary>
    public static void RequireAvailable(string? unavailable)
    {
        if (unavailable is not null)
        {
            ExternalTool.Unavailable(unavailable);
        }
    }
}
