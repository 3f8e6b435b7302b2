using Civic.Contracts.Network.V1;
using Civic.Hosting.Storage;

namespace Civic.Network;

/// <summary>The Network service's name, port and registrations that span its features.</summary>
public static class NetworkService
{
    public const string Name = "network";
    public const int DefaultGrpcPort = 5103;

    public static IServiceCollection AddNetworkStorage(this IServiceCollection services) =>
        services
            .AddCivicMigrations(Name, typeof(NetworkService).Assembly)
            .AddCivicDbContext<NetworkDbContext>();

    public static IServiceCollection AddNetworkRpc(this IServiceCollection services) =>
        services.AddRpcService<NetworkHandler>(NetworkReflection.Descriptor.Services[0]);
}
