using Civic.Defaults.Services;
using Civic.Gateway.Api;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Health;

namespace Civic.Gateway.Proxy;

public static class GrpcProxyServiceCollectionExtensions
{
    /// <summary>The configuration section YARP's routes, clusters and health checks come from.</summary>
    public const string SectionName = "ReverseProxy";

    /// <summary>
    /// Forwards gRPC and the JSON API to the services with YARP: the routes and clusters of the service
    /// catalog (<see cref="ServiceProxyConfig"/>), plus any the "ReverseProxy" section adds (e.g. a
    /// benchmark's); clusters speak HTTP/2 only and are health-checked through grpc.health.v1.
    /// </summary>
    public static IServiceCollection AddGrpcProxy(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddReverseProxy()
            .LoadFromMemory(
                ServiceProxyConfig.Routes(CivicServices.All, configuration.GetValue($"{ApiOptions.SectionName}:{nameof(ApiOptions.CallTimeout)}", new ApiOptions().CallTimeout)),
                ServiceProxyConfig.Clusters(CivicServices.All, configuration))
            .LoadFromConfig(configuration.GetSection(SectionName))
            .AddTransforms<JsonApiTransforms>()
            .AddTransforms<NoForwardedHeadersTransforms>();
        // Per-route timeouts (the JSON API's); gRPC calls carry their own deadlines.
        services.AddRequestTimeouts();
        services.AddSingleton<IForwarderHttpClientFactory, GrpcForwarderHttpClientFactory>();
        services.AddSingleton<IProbingRequestFactory, GrpcHealthProbingRequestFactory>();
        return services;
    }

    /// <summary>
    /// Forwards gRPC calls to proxy routes right after routing (<see cref="GrpcFastPath"/>), which
    /// authenticates their tokens and counts them against the rate limits. Call right after UseRouting.
    /// </summary>
    public static IApplicationBuilder UseGrpcFastPath(this IApplicationBuilder app) => app.UseMiddleware<GrpcFastPath>();

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
