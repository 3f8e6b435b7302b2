using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Civic.Gateway.Redis;

public static class GatewayRedisServiceCollectionExtensions
{
    /// <summary>
    /// When the "Redis" section names a Redis (<see cref="GatewayRedisOptions.IsConfigured"/>): its options
    /// (validated at start-up), one <see cref="IConnectionMultiplexer"/> for the process and the
    /// <see cref="RedisHealthCheck"/>. Nothing otherwise: every user of Redis then works in process.
    /// </summary>
    public static IServiceCollection AddGatewayRedis(this IServiceCollection services, IConfiguration configuration)
    {
        if (!GatewayRedisOptions.IsConfigured(configuration))
        {
            return services;
        }

        services.AddOptions<GatewayRedisOptions>()
            .BindConfiguration(GatewayRedisOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        // Connects at the first resolution (the pipeline's construction, at start-up) and waits at most the
        // connect timeout; an unreachable Redis leaves it disconnected and reconnecting in the background.
        services.AddSingleton<IConnectionMultiplexer>(provider => ConnectionMultiplexer.Connect(
            provider.GetRequiredService<IOptions<GatewayRedisOptions>>().Value.ToConfigurationOptions(provider.GetRequiredService<ILoggerFactory>())));
        services.AddHealthChecks().AddCheck<RedisHealthCheck>(RedisHealthCheck.Name, HealthStatus.Degraded);
        return services;
    }
}
