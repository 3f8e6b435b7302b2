using Civic.Defaults.Services;
using Civic.Services.FunctionalTests.Infrastructure;
using ResourcePersonGrpcService = Civic.Network.ResourcePersons.ResourcePersonGrpcService;

namespace Civic.Services.FunctionalTests.Network;

public sealed class NetworkDemoOnSqlite() : NetworkDemoFixture(Backend.Sqlite);

public sealed class NetworkDemoOnPostgres() : NetworkDemoFixture(Backend.Postgres);

/// <summary>The Network service with its demo data seeded (about 2,000 profiles), on its own database for a whole test class.</summary>
public abstract class NetworkDemoFixture(Backend backend) : IAsyncLifetime
{
    private ServiceHost<ResourcePersonGrpcService>? _host;
    private string? _unavailable;

    public StorageBackend? Storage { get; private set; }

    public ServiceHost<ResourcePersonGrpcService> Host
    {
        get
        {
            PostgresBackend.RequireAvailable(_unavailable);
            return _host!;
        }
    }

    public async ValueTask InitializeAsync()
    {
        if (backend == Backend.Postgres)
        {
            (var postgres, _unavailable) = await PostgresBackend.TryCreateAsync();
            Storage = postgres;
        }
        else
        {
            Storage = new SqliteBackend();
        }

        if (Storage is not null)
        {
            _host = new ServiceHost<ResourcePersonGrpcService>(
                new Dictionary<string, string>(Storage.Settings(CivicServices.Network.Name)) { ["Civic:SeedDemoData"] = "true" });
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (Storage is not null)
        {
            await Storage.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
