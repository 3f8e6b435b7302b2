using Civic.Hosting.Storage;
using Civic.Hosting.Storage.Migrations;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Civic.Hosting.Tests.Storage;

/// <summary>A SQLite file in a fresh temporary folder, deleted afterwards.</summary>
internal sealed class SqliteDatabase : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "civic-hosting-tests", Guid.NewGuid().ToString("N"));

    public SqliteDatabase()
    {
        // The folder is created by the connection factory, as in the service.
        ConnectionString = $"Data Source={Path.Combine(_folder, "nested", "test.db")};Pooling=False";
        Connections = new StorageConnectionFactory(Options.Create(new StorageOptions { Provider = StorageProvider.Sqlite, ConnectionString = ConnectionString }));
    }

    public string ConnectionString { get; }

    public StorageConnectionFactory Connections { get; }

    public SchemaMigrator Migrator(string folder) =>
        new(Connections, new MigrationCatalog([new MigrationSource("sample", typeof(SqliteDatabase).Assembly, $"SampleMigrations/{folder}")]),
            TimeProvider.System, NullLogger<SchemaMigrator>.Instance);

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
