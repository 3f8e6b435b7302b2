using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Civic.Gateway.Hosting;

/// <summary>
/// The HTTP health endpoints Kubernetes probes (the gateway has no gRPC health service of its own). Both answer
/// from this process's own state: a probe must never wait for Redis or a service, or an outage there would make
/// every replica look dead at once.
/// </summary>
public static class GatewayHealthExtensions
{
    /// <summary>Liveness: the process answers HTTP. No check runs, so nothing outside the process can fail it.</summary>
    public const string LivenessPath = "/healthz";

    /// <summary>Readiness: every registered check (e.g. Redis: Degraded, still 200, while it is disconnected).</summary>
    public const string ReadinessPath = "/readyz";

    public static IServiceCollection AddGatewayHealth(this IServiceCollection services)
    {
        services.AddHealthChecks();
        return services;
    }

    public static IEndpointRouteBuilder MapGatewayHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks(LivenessPath, new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks(ReadinessPath);
        return endpoints;
    }

    /// <summary>True for the probes' paths, which are not rate-limited.</summary>
    public static bool IsHealthProbe(PathString path) =>
        path.StartsWithSegments(LivenessPath) || path.StartsWithSegments(ReadinessPath);
}
