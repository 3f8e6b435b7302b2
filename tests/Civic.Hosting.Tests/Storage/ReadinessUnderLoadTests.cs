using Civic.Hosting.Grpc.Health;
using Civic.Hosting.Storage;
using Civic.Hosting.Storage.Migrations;
using Civic.Hosting.Tests.Jobs;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Civic.Hosting.Tests.Storage;

/// <summary>
/// A burst that holds every connection of a service's pool must not make its readiness probe fail
/// (the gateway would then take a working replica out of rotation): the probe has a pool of its own.
/// </summary>
public sealed class ReadinessUnderLoadTests : IAsyncLifetime
{
    private readonly TestPostgresDatabase _database = new();

    [Fact]
    public async Task DatabaseHealthCheck_EveryPooledConnectionBusy_StillHealthy()
    {
        // A pool of one that gives up after 2 s: without a pool of its own the probe would wait and fail.
        var connectionString = new NpgsqlConnectionStringBuilder(_database.ConnectionString) { MaxPoolSize = 1, Timeout = 2 }.ConnectionString;
        var connections = new StorageConnectionFactory(Options.Create(new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = connectionString }));
        var migrator = new SchemaMigrator(connections,
            new MigrationCatalog([new MigrationSource("sample", typeof(ReadinessUnderLoadTests).Assembly, "SampleMigrations/notes")]),
            TimeProvider.System, NullLogger<SchemaMigrator>.Instance);
        await migrator.MigrateAsync(TestContext.Current.CancellationToken);
        var check = new DatabaseHealthCheck(migrator);
        var context = new HealthCheckContext { Registration = new HealthCheckRegistration("database", check, HealthStatus.Unhealthy, ["ready"]) };

        await using var busy = connections.CreateConnection();
        await busy.OpenAsync(TestContext.Current.CancellationToken);
        var result = await check.CheckHealthAsync(context, TestContext.Current.CancellationToken);

        Assert.True(result.Status == HealthStatus.Healthy, result.Description);
        await using var another = connections.CreateConnection();
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => another.OpenAsync(TestContext.Current.CancellationToken));
    }

    public ValueTask InitializeAsync() => _database.InitializeAsync();

    public ValueTask DisposeAsync() => _database.DisposeAsync();
}
