using Civic.Testing;
using Microsoft.Data.Sqlite;

namespace Civic.Services.FunctionalTests.Migrations;

/// <summary>The `migrate` argument (a Kubernetes Job) applies the schema and exits without serving.</summary>
public sealed class MigrateCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "civic-functional-tests", Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData("Civic.Hotline", "hotline", 13)]
    [InlineData("Civic.Panel", "panel", 12)]
    [InlineData("Civic.Network", "network", 13)]
    public async Task Migrate_CommandLine_AppliesMigrationsAndExits(string assembly, string service, int migrations)
    {
        var database = Path.Combine(_folder, $"{service}.db");
        var environment = new Dictionary<string, string>
        {
            ["Storage__Provider"] = "Sqlite",
            [$"ConnectionStrings__{service}"] = $"Data Source={database}",
            ["Civic__Grpc__Port"] = "0",
        };
        var dll = Path.Combine(AppContext.BaseDirectory, $"{assembly}.dll");

        var first = await ExternalTool.RunAsync("dotnet", [dll, "migrate"], TimeSpan.FromMinutes(1), AppContext.BaseDirectory, environment);
        var second = await ExternalTool.RunAsync("dotnet", [dll, "migrate"], TimeSpan.FromMinutes(1), AppContext.BaseDirectory, environment);

        Assert.True(first.ExitCode == 0, first.Output + first.Error);
        Assert.Equal(0, second.ExitCode);
        Assert.DoesNotContain("Now listening", first.Output, StringComparison.Ordinal);
        Assert.Contains($"{migrations} known", second.Output, StringComparison.Ordinal);
        Assert.Contains("applied 0 migration(s) now", second.Output, StringComparison.Ordinal);
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM schema_migrations";
        Assert.Equal(migrations, Convert.ToInt32(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
