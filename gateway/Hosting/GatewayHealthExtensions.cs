namespace Civic.Gateway.Hosting;

public static class GatewayHealthExtensions
{
    /// <summary>The HTTP health endpoint Kubernetes probes (the gateway has no gRPC health service of its own).</summary>
    public const string Path = "/healthz";

    public static IServiceCollection AddGatewayHealth(this IServiceCollection services)
    {
        services.AddHealthChecks();
        return services;
    }

    public static IEndpointRouteBuilder MapGatewayHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks(Path);
        return endpoints;
    }
}
