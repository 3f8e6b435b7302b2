using Civic.Hosting.Errors;
using Civic.Hosting.Grpc.Health;
using Google.Protobuf.Reflection;
using Grpc.AspNetCore.Server;
using Google.Rpc;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Civic.Hosting.Grpc;

public static class CivicGrpcServiceCollectionExtensions
{
    /// <summary>The largest request message a service reads (4 MiB); larger ones are refused with RESOURCE_EXHAUSTED.</summary>
    public const int MaxReceiveMessageSize = 4 * 1024 * 1024;

    /// <summary>
    /// Adds the gRPC server with Civic's interceptors (per-RPC authorisation, then errors to statuses),
    /// JSON transcoding of the contracts' google.api.http routes, server reflection and grpc.health.v1
    /// (<see cref="HealthServiceCollectionExtensions.AddCivicHealth"/>).
    /// </summary>
    public static IServiceCollection AddCivicGrpc(this IServiceCollection services) =>
        services.AddCivicGrpcServer().AddCivicHealth();

    /// <summary>
    /// The gRPC server of <see cref="AddCivicGrpc"/> without the database-backed health checks (a host
    /// with no storage, such as a test service, adds its own health checks). <paramref name="configure"/>
    /// may change the server's options after Civic's.
    /// </summary>
    public static IServiceCollection AddCivicGrpcServer(this IServiceCollection services, Action<GrpcServiceOptions>? configure = null)
    {
        services.TryAddSingleton<RpcAccessRulesProvider>();
        services.TryAddSingleton<RpcAuthorization>();
        services.TryAddSingleton<RpcErrorTranslation>();
        // Registered, so Grpc.AspNetCore takes it from DI instead of activating (and disposing) one per call.
        services.TryAddSingleton<CivicServerInterceptor>();
        services.AddGrpc(options =>
        {
            options.MaxReceiveMessageSize = MaxReceiveMessageSize;
            options.EnableDetailedErrors = false;
            options.Interceptors.Add<CivicServerInterceptor>();
            configure?.Invoke(options);
        }).AddJsonTranscoding(options =>
            // The error details Civic sends, so that JSON error bodies carry them too.
            options.TypeRegistry = TypeRegistry.FromMessages(BadRequest.Descriptor, ErrorInfo.Descriptor, LocalizedMessage.Descriptor));
        services.AddGrpcReflection();
        services.AddGrpcHealthChecks();
        return services;
    }

    /// <summary>
    /// Serves <typeparamref name="TService"/> (a handler built on a generated service base). A feature
    /// calls this from its own Add method; <see cref="CivicGrpcEndpointRouteBuilderExtensions.MapCivicGrpc"/> maps it.
    /// </summary>
    public static IServiceCollection AddGrpcService<TService>(this IServiceCollection services)
        where TService : class =>
        services.AddSingleton(new GrpcServiceRegistration(endpoints => endpoints.MapGrpcService<TService>()));
}
