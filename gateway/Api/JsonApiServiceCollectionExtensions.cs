using Microsoft.Extensions.DependencyInjection.Extensions;
using Civic.Gateway.Api.Idempotency;
using Civic.Gateway.Api.OpenApi;
using Civic.Gateway.Redis;

namespace Civic.Gateway.Api;

public static class JsonApiServiceCollectionExtensions
{
    /// <summary>
    /// The JSON API: service clients (addresses from "Gateway:Services"), limits ("Gateway:Api"), and
    /// Idempotency-Key results in memory or, with Gateway:Api:IdempotencyStore=Redis, in Redis ("Redis" section).
    /// </summary>
    /// <exception cref="InvalidOperationException">The Redis store is asked for and the "Redis" section names no Redis.</exception>
    public static IServiceCollection AddJsonApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ServiceAddressOptions>()
            .BindConfiguration(ServiceAddressOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<ApiOptions>()
            .BindConfiguration(ApiOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<CivicServiceClients>();
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
        services.AddSingleton<ApiEndpointHandler>();
        return services;
    }

    /// <summary>Maps every operation of <see cref="ApiRoutes.All"/> and the OpenAPI document.</summary>
    public static IEndpointRouteBuilder MapJsonApi(this IEndpointRouteBuilder endpoints)
    {
        var document = OpenApiDocument.Build(ApiRoutes.All);
        endpoints.MapGet(OpenApiDocument.Path, () => Results.Bytes(document, "application/json; charset=utf-8"));
        foreach (var operation in ApiRoutes.All)
        {
            endpoints.MapMethods(operation.Route, [operation.Method], context =>
                    context.RequestServices.GetRequiredService<ApiEndpointHandler>().HandleAsync(context, operation))
                .WithName(operation.OperationId)
                .DisableAntiforgery();
        }

        return endpoints;
    }
}
