using Civic.Defaults.Services;
using Civic.Services.FunctionalTests.Infrastructure;
using ResourcePersonGrpcService = Civic.Network.ResourcePersons.ResourcePersonGrpcService;

namespace Civic.Services.FunctionalTests.Network;

public sealed class NetworkDemoOnSqlite() : NetworkDemoFixture(Backend.Sqlite);

public sealed class NetworkDemoOnPostgres() : NetworkDemoFixture(Backend.Postgres);

/// <summary>The Network service with its demo data seeded (about 2,000 profiles), on its own database for a whole test class.</summary>
public abstract class NetworkDemoFixture(Backend backend) : ServiceFixture<ResourcePersonGrpcService>(CivicServices.Network.Name, backend)
{
    protected override IReadOnlyDictionary<string, string> HostSettings(StorageBackend storage) =>
        new Dictionary<string, string>(base.HostSettings(storage)) { ["Civic:SeedDemoData"] = "true" };
}
