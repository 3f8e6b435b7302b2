using Civic.Contracts.Hotline.V1;
using Civic.Hosting.Storage.Migrations;
using Civic.Defaults.Services;
using Civic.Hotline.Departments;
using Civic.Services.FunctionalTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Civic.Services.FunctionalTests.Migrations;

/// <summary>A database left by an older release (Hotline before department topics) is upgraded in place, keeping its data.</summary>
public sealed class PostgresSchemaUpgradeTests : IAsyncLifetime
{
    private PostgresBackend? _database;
    private string? _unavailable;

    [Fact]
    public async Task Start_DatabaseOneMigrationBehind_UpgradesAndServesOldRows()
    {
        PostgresBackend.RequireAvailable(_unavailable);
        var database = _database!;
        var settings = new Dictionary<string, string>(database.Settings(CivicServices.Hotline.Name))
        {
            ["Storage:MigrateOnStartup"] = "false",
            ["Jobs:Store"] = "InMemory",
        };
        await using (var olderRelease = new ServiceHost<DepartmentGrpcService>(settings))
        {
            await olderRelease.Services.GetRequiredService<SchemaMigrator>()
                .MigrateAsync("hotline/0001_create_departments", TestContext.Current.CancellationToken);
        }

        await database.ExecuteAsync("""
            INSERT INTO departments (id, code, name_da, name_en, director_name, created_at)
            VALUES ('old-1', 'by-og-land', 'By og Land', 'City and Countryside', 'Søren Holm', '2024-01-02T03:04:05Z')
            """);
        Assert.Equal(0, await database.ScalarAsync("SELECT COUNT(*) FROM information_schema.columns WHERE table_name = 'departments' AND column_name = 'topics'"));

        await using var upgraded = new ServiceHost<DepartmentGrpcService>(database.Settings(CivicServices.Hotline.Name));
        var department = (await upgraded.CallAsync<GetDepartmentRequest, GetDepartmentResponse>(
            DepartmentsReflection.Descriptor.Services[0], "GetDepartment", new() { Id = "old-1" })).Department;

        Assert.Equal("by-og-land", department.Code);
        Assert.Empty(department.Topics);
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero), department.CreatedAt.ToDateTimeOffset());
        Assert.Equal(1, await database.ScalarAsync("SELECT COUNT(*) FROM schema_migrations WHERE id = 'hotline/0002_department_topics'"));
        Assert.Equal(1, await database.ScalarAsync("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'hangfire' AND table_name = 'job'"));
        Assert.Empty(upgraded.ErrorLogs());
    }

    public async ValueTask InitializeAsync() => (_database, _unavailable) = await PostgresBackend.TryCreateAsync();

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
