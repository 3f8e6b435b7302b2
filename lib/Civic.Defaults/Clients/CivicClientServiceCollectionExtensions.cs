using Civic.Defaults.Services;
using Grpc.Core;
using Grpc.Net.ClientFactory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Civic.Defaults.Clients;

public static class CivicClientServiceCollectionExtensions
{
    /// <summary>
    /// Registers the typed gRPC client <typeparamref name="TClient"/> for <paramref name="service"/>,
    /// at the address the catalog gives (<see cref="CivicServices.AddressOf"/>). Every Civic client
    /// forwards the caller's token (<see cref="CallerTokenInterceptor"/>), propagates the deadline and
    /// cancellation of the gRPC call being handled, and has the retry and circuit breaker of
    /// <see cref="GrpcCallResilience"/>.
    /// </summary>
    public static IHttpClientBuilder AddCivicClient<TClient>(this IServiceCollection services, CivicService service, IConfiguration configuration)
        where TClient : ClientBase
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddHttpContextAccessor();
        services.TryAddTransient<CallerTokenInterceptor>();
        var resilience = configuration.GetSection(GrpcCallResilienceOptions.SectionName).Get<GrpcCallResilienceOptions>() ?? new GrpcCallResilienceOptions();
        var address = configuration.AddressOf(service);
        return services
            // Named by the full type name: each service has a client of the same short name (DevelopmentMailboxServiceClient).
            .AddGrpcClient<TClient>(typeof(TClient).FullName ?? typeof(TClient).Name, options => options.Address = address)
            .AddInterceptor<CallerTokenInterceptor>(InterceptorScope.Client)
            .EnableCallContextPropagation(options => options.SuppressContextNotFoundErrors = true)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                // Keep idle connections warm and open more than one when a connection's streams are used up.
                EnableMultipleHttp2Connections = true,
                PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
                KeepAlivePingDelay = TimeSpan.FromSeconds(60),
                KeepAlivePingTimeout = TimeSpan.FromSeconds(30),
            })
            .AddGrpcCallResilience(resilience);
    }
}
