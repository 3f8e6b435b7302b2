using Civic.Rpc.Health;
using Grpc.Health.V1;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the standard gRPC health service.</summary>
public static class RpcHealthServiceCollectionExtensions
{
    /// <summary>
    /// Serves <c>grpc.health.v1.Health</c> (Check, List, Watch), reporting SERVING while the health checks
    /// tagged <see cref="RpcHealthOptions.ReadyTag"/> pass and NOT_SERVING once they fail or the application
    /// stops. Adds ASP.NET Core health checks; register the readiness checks with that tag. Options bind
    /// from the "Rpc:Health" configuration section. Needs <c>AddCivicRpc</c>.
    /// </summary>
    public static IServiceCollection AddRpcHealth(this IServiceCollection services, Action<RpcHealthOptions>? configure = null)
    {
        // A second call may add configuration, but registers nothing twice.
        var alreadyAdded = services.Any(d => d.ServiceType == typeof(RpcReadiness));
        var options = services.AddOptions<RpcHealthOptions>();
        if (!alreadyAdded)
        {
            options.BindConfiguration("Rpc:Health")
                .Validate(o => o.WatchInterval > TimeSpan.Zero, "Rpc:Health:WatchInterval must be positive.")
                .Validate(o => o.CacheDuration >= TimeSpan.Zero, "Rpc:Health:CacheDuration must not be negative.")
                .ValidateOnStart();
        }

        if (configure is not null)
        {
            options.Configure(configure);
        }

        if (alreadyAdded)
        {
            return services;
        }

        services.AddHealthChecks();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<RpcReadiness>();
        return services.AddRpcService<HealthHandler>(HealthReflection.Descriptor.Services[0], ServiceLifetime.Singleton);
    }
}
