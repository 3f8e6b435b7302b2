using Civic.Hosting.Grpc.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Civic.Hosting.Tests.Storage;

public sealed class SchemaMigratorTests : IDisposable
{
    private readonly SqliteDatabase _database = new();

    [Fact]
    public async Task MigrateAsync_EmptyDatabase_AppliesThisProvidersMigrationsInOrder()
    {
        var applied = await _database.Migrator("notes").MigrateAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["sample/0001_create_notes", "sample/0002_note_author"], applied);
        await _database.ExecuteAsync("INSERT INTO notes (id, text) VALUES (1, 'hej')");
        Assert.Equal(1, await _database.ScalarAsync("SELECT COUNT(*) FROM notes WHERE author = 'sqlite-default'"));
        Assert.Equal(2, await _database.ScalarAsync("SELECT COUNT(*) FROM schema_migrations"));
    }

    [Fact]
    public async Task MigrateAsync_Twice_SecondRunIsANoOp()
    {
        var migrator = _database.Migrator("notes");
        await migrator.MigrateAsync(TestContext.Current.CancellationToken);
        await _database.ExecuteAsync("INSERT INTO notes (id, text) VALUES (1, 'hej')");

        var second = await migrator.MigrateAsync(TestContext.Current.CancellationToken);

        Assert.Empty(second);
        Assert.Equal(1, await _database.ScalarAsync("SELECT COUNT(*) FROM notes"));
        Assert.Equal(2, await _database.ScalarAsync("SELECT COUNT(*) FROM schema_migrations"));
    }

    [Fact]
    public async Task MigrateAsync_OlderSchemaWithData_UpgradesAndKeepsTheData()
    {
        var migrator = _database.Migrator("notes");
        await migrator.MigrateAsync("sample/0001_create_notes", TestContext.Current.CancellationToken);
        await _database.ExecuteAsync("INSERT INTO notes (id, text) VALUES (7, 'fra før')");

        var applied = await migrator.MigrateAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["sample/0002_note_author"], applied);
        Assert.Equal(1, await _database.ScalarAsync("SELECT COUNT(*) FROM notes WHERE id = 7 AND author = 'sqlite-default'"));
    }

    [Fact]
    public async Task MigrateAsync_AppliedMigrationEdited_RefusesWithAClearMessage()
    {
        await _database.Migrator("notes").MigrateAsync("sample/0001_create_notes", TestContext.Current.CancellationToken);

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(
            () => _database.Migrator("changed").MigrateAsync(TestContext.Current.CancellationToken));

        Assert.Contains("sample/0001_create_notes", exception.Message, StringComparison.Ordinal);
        Assert.Contains("must not be edited", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MigrateAsync_FailingMigration_RolledBackAndNotRecorded()
    {
        var migrator = _database.Migrator("broken");

        await Assert.ThrowsAnyAsync<Exception>(() => migrator.MigrateAsync(TestContext.Current.CancellationToken));

        Assert.Equal(0, await _database.ScalarAsync("SELECT COUNT(*) FROM sqlite_master WHERE name = 'half_done'"));
        var status = await migrator.GetStatusAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["sample/0001_create_notes"], status.Applied);
        Assert.Equal(["sample/0002_half_done"], status.Pending);
    }

    [Fact]
    public async Task MigrateAsync_UnknownTarget_Throws()
    {
        await Assert.ThrowsAsync<ArgumentException>(
            () => _database.Migrator("notes").MigrateAsync("sample/9999_nothing", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task GetStatusAsync_NewDatabase_EverythingPendingAndNothingCreated()
    {
        var status = await _database.Migrator("notes").GetStatusAsync(TestContext.Current.CancellationToken);

        Assert.False(status.IsUpToDate);
        Assert.Equal(["sample/0001_create_notes", "sample/0002_note_author"], status.Pending);
        Assert.Equal(0, await _database.ScalarAsync("SELECT COUNT(*) FROM sqlite_master WHERE name = 'schema_migrations'"));
    }

    [Fact]
    public async Task DatabaseHealthCheck_PendingThenMigrated_UnhealthyThenHealthy()
    {
        var migrator = _database.Migrator("notes");
        var check = new DatabaseHealthCheck(migrator);
        var context = new HealthCheckContext
        {
            Registration = new HealthCheckRegistration("database", check, HealthStatus.Unhealthy, ["ready"]),
        };

        var before = await check.CheckHealthAsync(context, TestContext.Current.CancellationToken);
        await migrator.MigrateAsync(TestContext.Current.CancellationToken);
        var after = await check.CheckHealthAsync(context, TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Unhealthy, before.Status);
        Assert.Contains("migrate", before.Description, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Healthy, after.Status);
    }

    public void Dispose() => _database.Dispose();
}
