using Civic.Defaults.Services;
using Civic.Gateway.Api.Idempotency;
using Civic.Gateway.Api.OpenApi;
using Civic.Gateway.Redis;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Civic.Gateway.Api;

public static class JsonApiServiceCollectionExtensions
{
    /// <summary>
    /// The JSON API's gateway side: limits ("Gateway:Api") and Idempotency-Key results in memory or,
    /// with Gateway:Api:IdempotencyStore=Redis, in Redis ("Redis" section). The operations themselves
    /// are the services' transcoded routes, reached through the proxy.
    /// </summary>
    /// <exception cref="InvalidOperationException">The Redis store is asked for and the "Redis" section names no Redis.</exception>
    public static IServiceCollection AddJsonApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ApiOptions>()
            .BindConfiguration(ApiOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<InMemoryIdempotencyStore>();
        if (configuration.GetValue<IdempotencyStoreKind?>($"{ApiOptions.SectionName}:{nameof(ApiOptions.IdempotencyStore)}") == IdempotencyStoreKind.Redis)
        {
            if (!GatewayRedisOptions.IsConfigured(configuration))
            {
                throw new InvalidOperationException(
                    $"{ApiOptions.SectionName}:{nameof(ApiOptions.IdempotencyStore)}=Redis needs Redis:Host (or Redis:Configuration); "
                    + "or use InMemory on a single gateway.");
            }

            // The multiplexer comes from AddGatewayRedis, the protector from the shared Data Protection key ring.
            services.AddSingleton<IIdempotencyStore, RedisIdempotencyStore>();
        }
        else
        {
            services.AddSingleton<IIdempotencyStore>(sp => sp.GetRequiredService<InMemoryIdempotencyStore>());
        }

        services.AddSingleton<IdempotentRequests>();
        return services;
    }

    /// <summary>
    /// For every request under /api/v1, before the proxy forwards it: the route's call timeout, then the
    /// checks and Idempotency-Key. Only there: gRPC calls carry their own deadlines and skip both.
    /// </summary>
    public static IApplicationBuilder UseJsonApi(this IApplicationBuilder app) =>
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments(CivicServices.ApiPrefix, StringComparison.Ordinal),
            api => api.UseRequestTimeouts().UseMiddleware<JsonApiRequests>());

    /// <summary>Maps the OpenAPI document of every annotated RPC (<see cref="ApiOperations.All"/>).</summary>
    public static IEndpointRouteBuilder MapJsonApi(this IEndpointRouteBuilder endpoints)
    {
        var document = OpenApiDocument.Build(ApiOperations.All);
        endpoints.MapGet(OpenApiDocument.Path, () => Results.Bytes(document, "application/json; charset=utf-8"));
        return endpoints;
    }
}
