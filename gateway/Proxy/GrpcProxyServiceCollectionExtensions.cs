using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Health;

namespace Civic.Gateway.Proxy;

public static class GrpcProxyServiceCollectionExtensions
{
    /// <summary>The configuration section YARP's routes, clusters and health checks come from.</summary>
    public const string SectionName = "ReverseProxy";

    /// <summary>
    /// Forwards gRPC to the services with YARP, as the "ReverseProxy" section says: routes by the
    /// proto package in the path (/civic.hotline.v1.*/…), clusters that speak HTTP/2 only
    /// (Version 2, RequestVersionExact), active health checks through grpc.health.v1.
    /// </summary>
    public static IServiceCollection AddGrpcProxy(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddReverseProxy().LoadFromConfig(configuration.GetSection(SectionName));
        services.AddSingleton<IForwarderHttpClientFactory, GrpcForwarderHttpClientFactory>();
        services.AddSingleton<IProbingRequestFactory, GrpcHealthProbingRequestFactory>();
        return services;
    }

    /// <summary>
    /// Maps the proxy routes with a short pipeline: gRPC error statuses for unreachable services,
    /// load balancing over the healthy destinations, passive health. No session affinity: gRPC calls
    /// are independent of each other.
    /// </summary>
    public static IEndpointRouteBuilder MapGrpcProxy(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapReverseProxy(proxy =>
        {
            proxy.UseMiddleware<GrpcProxyErrors>();
            proxy.UseLoadBalancing();
            proxy.UsePassiveHealthChecks();
        });
        return endpoints;
    }
}
