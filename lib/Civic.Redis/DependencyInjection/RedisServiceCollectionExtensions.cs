using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Civic.Redis;

/// <summary>Registers the Redis client.</summary>
public static class RedisServiceCollectionExtensions
{
    /// <summary>The name of the Redis health check.</summary>
    public const string HealthCheckName = "redis";

    /// <summary>
    /// Registers one <see cref="RedisClient"/> for the application, its options bound from the
    /// <c>Redis</c> section and validated at start-up, and a health check named
    /// <see cref="HealthCheckName"/> that reports Degraded while Redis is down. The client connects on
    /// first use, so the application starts even when Redis is not up yet.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Changes applied after binding, e.g. a certificate validation callback.</param>
    /// <param name="healthCheckTags">Tags for the health check (e.g. the readiness tag of the host).</param>
    public static IServiceCollection AddCivicRedis(this IServiceCollection services, Action<RedisOptions>? configure = null, IEnumerable<string>? healthCheckTags = null)
    {
        if (services.Any(descriptor => descriptor.ServiceType == typeof(RedisClient)))
        {
            return services;
        }

        var options = services.AddOptions<RedisOptions>().BindConfiguration(RedisOptions.SectionName).ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RedisOptions>, RedisOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider => new RedisClient(
            provider.GetRequiredService<IOptions<RedisOptions>>().Value,
            provider.GetService<ILoggerFactory>(),
            provider.GetRequiredService<TimeProvider>()));
        services.AddHealthChecks().AddCheck<RedisHealthCheck>(HealthCheckName, HealthStatus.Degraded, healthCheckTags ?? [HealthCheckName]);
        return services;
    }
}
