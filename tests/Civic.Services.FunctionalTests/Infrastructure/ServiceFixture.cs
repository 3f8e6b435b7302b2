namespace Civic.Services.FunctionalTests.Infrastructure;

public enum Backend
{
    Sqlite,
    Postgres,
}

/// <summary>
/// One service on its own database for a whole test class. On PostgreSQL the database is created
/// for the class and dropped after it; without CIVIC_TEST_POSTGRES the tests skip (locally) or
/// fail (CI=true).
/// </summary>
public abstract class ServiceFixture<TEntryPoint>(string serviceName, Backend backend) : IAsyncLifetime
    where TEntryPoint : class
{
    private ServiceHost<TEntryPoint>? _host;
    private string? _unavailable;

    public string ServiceName { get; } = serviceName;

    public StorageBackend? Storage { get; private set; }

    /// <summary>The running service; skips or fails the test when its database is not available.</summary>
    public ServiceHost<TEntryPoint> Host
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
            var (postgres, unavailable) = await PostgresBackend.TryCreateAsync();
            Storage = postgres;
            _unavailable = unavailable;
        }
        else
        {
            Storage = new SqliteBackend();
        }

        if (Storage is not null)
        {
            _host = new ServiceHost<TEntryPoint>(HostSettings(Storage));
        }
    }

    /// <summary>The service's configuration on <paramref name="storage"/>; a fixture may add to it (e.g. demo data).</summary>
    protected virtual IReadOnlyDictionary<string, string> HostSettings(StorageBackend storage) => storage.Settings(ServiceName);

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
