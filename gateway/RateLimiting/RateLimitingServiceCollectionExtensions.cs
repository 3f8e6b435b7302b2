using Civic.Redis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Civic.Gateway.RateLimiting;

public static class RateLimitingServiceCollectionExtensions
{
    /// <summary>
    /// Rate limits from the "RateLimiting" section (validated at start-up); shared through Redis when a
    /// "Redis" section with a Host or Configuration is present, else per process.
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
        var redis = configuration.GetSection(RedisOptions.SectionName);
        if (!string.IsNullOrWhiteSpace(redis[nameof(RedisOptions.Host)]) || !string.IsNullOrWhiteSpace(redis[nameof(RedisOptions.Configuration)]))
        {
            services.AddCivicRedis();
            services.AddSingleton<RedisRateLimits>();
            services.AddSingleton(provider => new GatewayRateLimiter(
                provider.GetRequiredService<InProcessRateLimits>(),
                provider.GetRequiredService<ILogger<GatewayRateLimiter>>(),
                provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<RedisRateLimits>()));
        }
        else
        {
            services.AddSingleton(provider => new GatewayRateLimiter(
                provider.GetRequiredService<InProcessRateLimits>(),
                provider.GetRequiredService<ILogger<GatewayRateLimiter>>(),
                provider.GetRequiredService<TimeProvider>()));
        }

        services.AddHealthChecks().AddCheck<RateLimitingHealthCheck>(RateLimitingHealthCheck.Name);
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
