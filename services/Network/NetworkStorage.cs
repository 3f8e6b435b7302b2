using Civic.Defaults.Services;
using Civic.Hosting.Storage;

namespace Civic.Network;

/// <summary>The Network service's own database and its schema migrations.</summary>
public static class NetworkStorage
{
    public static IServiceCollection AddNetworkStorage(this IServiceCollection services) =>
        services
            .AddCivicMigrations(CivicServices.Network.Name, typeof(NetworkStorage).Assembly)
            .AddCivicDbContext<NetworkDbContext>();
}
