using Civic.Hosting.DemoData;
using Civic.Hosting.Grpc;

namespace Civic.Network.Groups;

public static class NetworkGroupsServiceCollectionExtensions
{
    /// <summary>Adds the group directory, its gRPC service (and JSON routes) and a demo group per challenge area (after the demo profiles).</summary>
    public static IServiceCollection AddNetworkGroups(this IServiceCollection services) =>
        services
            .AddScoped<NetworkGroupDirectory>()
            .AddGrpcService<NetworkGroupGrpcService>()
            .AddScoped<IDemoDataSeeder, DemoNetworkGroups>();
}
