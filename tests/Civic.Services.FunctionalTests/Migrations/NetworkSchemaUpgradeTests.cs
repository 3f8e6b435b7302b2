using System.Data.Common;
using Civic.Contracts.Network.V1;
using Civic.Defaults.Services;
using Civic.Network.ResourcePersons;
using Civic.Services.FunctionalTests.Infrastructure;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Civic.Services.FunctionalTests.Migrations;

public sealed class NetworkSchemaUpgradeTestsOnSqlite() : NetworkSchemaUpgradeTests(Backend.Sqlite);

public sealed class NetworkSchemaUpgradeTestsOnPostgres() : NetworkSchemaUpgradeTests(Backend.Postgres);

/// <summary>
/// A Network database from before the service taxonomy (Migrations/0015) is upgraded in place: its profiles keep their
/// services as "other" text, with no service area, and can then be given areas.
/// </summary>
public abstract class NetworkSchemaUpgradeTests(Backend backend) : IAsyncLifetime
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Service = ResourcePersonsReflection.Descriptor.Services[0];

    private StorageBackend? _storage;
    private string? _unavailable;

    [Fact]
    public async Task Start_DatabaseBeforeTheServiceTaxonomy_UpgradesAndServesOldProfiles()
    {
        PostgresBackend.RequireAvailable(_unavailable);
        var settings = _storage!.Settings(CivicServices.Network.Name);
        var request = new CreateResourcePersonRequest
        {
            DisplayName = "Gammel Profil", Organisation = "boern-og-unge", ServicesKnown = { "Familierådgivning" }, CapacityHoursPerMonth = 4, OptedIn = true,
        };
        string id;
        await using (var current = new ServiceHost<ResourcePersonGrpcService>(settings))
        {
            id = (await current.CallAsync<CreateResourcePersonRequest, CreateResourcePersonResponse>(Service, "CreateResourcePerson", request)).ResourcePerson.Id;
        }

        // Back to the schema of the release before: without the column, and without the migration's record.
        await ExecuteAsync(
            "ALTER TABLE resource_persons DROP COLUMN service_codes",
            "DELETE FROM schema_migrations WHERE id = 'network/0015_service_taxonomy'");

        await using var upgraded = new ServiceHost<ResourcePersonGrpcService>(settings);
        var old = (await upgraded.CallAsync<GetResourcePersonRequest, GetResourcePersonResponse>(Service, "GetResourcePerson", new() { Id = id })).ResourcePerson;
        var mapped = request.Clone();
        mapped.ServiceCodes.Add("28");
        mapped.ServicesKnown.Clear();
        var updated = (await upgraded.CallAsync<UpdateResourcePersonRequest, UpdateResourcePersonResponse>(Service, "UpdateResourcePerson", new() { Id = id, Profile = mapped })).ResourcePerson;

        Assert.Equal(["Familierådgivning"], old.ServicesKnown);
        Assert.Empty(old.TaxonomyServices);
        Assert.Equal(["28"], updated.TaxonomyServices.Select(s => s.Code));
        Assert.Empty(upgraded.ErrorLogs());
    }

    public async ValueTask InitializeAsync()
    {
        if (backend == Backend.Postgres)
        {
            (var postgres, _unavailable) = await PostgresBackend.TryCreateAsync();
            _storage = postgres;
        }
        else
        {
            _storage = new SqliteBackend();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_storage is not null)
        {
            await _storage.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    private async Task ExecuteAsync(params string[] statements)
    {
        await using DbConnection connection = _storage switch
        {
            PostgresBackend postgres => new NpgsqlConnection(postgres.ConnectionString),
            SqliteBackend sqlite => new SqliteConnection(sqlite.ConnectionString(CivicServices.Network.Name)),
            _ => throw new InvalidOperationException("No database."),
        };
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        foreach (var statement in statements)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = statement;
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }
    }
}
