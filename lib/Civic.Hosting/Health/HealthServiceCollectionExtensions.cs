using Civic.Rpc.Health;
using Microsoft.Extensions.DependencyInjection;

namespace Civic.Hosting.Health;

/// <summary>Registers the health checks every service has.</summary>
public static class HealthServiceCollectionExtensions
{
    /// <summary>
    /// Serves grpc.health.v1 and adds the database check (reachable, migrations applied), tagged
    /// ready so that the gRPC health service (and Kubernetes' gRPC probes) report it.
    /// </summary>
    public static IServiceCollection AddCivicHealth(this IServiceCollection services)
    {
        services.AddRpcHealth();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [RpcHealthOptions.ReadyTag]);
        return services;
    }
}
