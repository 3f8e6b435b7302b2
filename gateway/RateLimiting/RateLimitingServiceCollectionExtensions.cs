using Civic.Gateway.Redis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Civic.Gateway.RateLimiting;

public static class RateLimitingServiceCollectionExtensions
{
    /// <summary>
    /// Rate limits from the "RateLimiting" section (validated at start-up); shared through Redis when the
    /// "Redis" section names one (<see cref="GatewayRedisOptions.IsConfigured"/>), else per process.
    /// </summary>
    public static IServiceCollection AddCivicRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitingOptions>()
            .BindConfiguration(RateLimitingOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => new[] { o.Anonymous, o.Authenticated, o.Login, o.Create }.All(policy => policy.IsValid),
                "RateLimiting policies need PermitLimit between 1 and 1000000 and Window between 00:00:01 and 1.00:00:00.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<InProcessRateLimits>();
        if (GatewayRedisOptions.IsConfigured(configuration))
        {
            // The multiplexer comes from AddGatewayRedis.
            services.AddSingleton<RedisRateLimits>();
        }

        services.AddSingleton<GatewayRateLimiter>();
        return services;
    }

    public static IApplicationBuilder UseCivicRateLimiting(this IApplicationBuilder app)
    {
        if (app.ApplicationServices.GetRequiredService<IOptions<RateLimitingOptions>>().Value.Enabled)
        {
            app.UseMiddleware<RateLimitingMiddleware>();
        }

        return app;
    }
}
