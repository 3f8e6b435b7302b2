using Grpc.AspNetCore.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Civic.Hosting.Grpc.Health;

/// <summary>The service's grpc.health.v1 answers, for Kubernetes' gRPC probes.</summary>
public static class HealthServiceCollectionExtensions
{
    /// <summary>The health service name of liveness: serving while the process runs; nothing outside it is asked.</summary>
    public const string Liveness = "liveness";

    /// <summary>The health service name of readiness (also the server's overall health, ""): database reachable, schema current, not shutting down.</summary>
    public const string Readiness = "readiness";

    /// <summary>The tag of the checks readiness runs.</summary>
    public const string ReadyTag = "ready";

    /// <summary>The tag of the one check liveness runs: that the process answers at all.</summary>
    public const string LiveTag = "live";

    /// <summary>
    /// Serves grpc.health.v1 with two answers: <see cref="Liveness"/>, which a database outage never
    /// fails (so Kubernetes does not restart healthy pods in a loop), and <see cref="Readiness"/> (and
    /// the overall ""), which runs the checks tagged <see cref="ReadyTag"/> on every probe.
    /// </summary>
    public static IServiceCollection AddCivicHealth(this IServiceCollection services)
    {
        services.AddGrpcHealthChecks();
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag])
            .AddCheck<ShutdownHealthCheck>("shutdown", tags: [ReadyTag])
            // Grpc.AspNetCore answers UNKNOWN for a health service with no checks; this one says the process serves.
            .AddCheck("process", () => HealthCheckResult.Healthy("The process answers calls."), tags: [LiveTag]);
        services.Configure<GrpcHealthChecksOptions>(options =>
        {
            options.Services.Clear();
            options.Services.Map(string.Empty, check => check.Tags.Contains(ReadyTag));
            options.Services.Map(Readiness, check => check.Tags.Contains(ReadyTag));
            options.Services.Map(Liveness, check => check.Tags.Contains(LiveTag));
        });
        return services;
    }
}
