using Civic.Defaults.Services;
using Civic.Gateway.Jobs;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Health;

namespace Civic.Gateway.Proxy;

/// <summary>
/// The proxy's routes and clusters, derived from the service catalog (<see cref="CivicServices"/>) so
/// that no address or route is written twice: per service, its gRPC calls (/civic.hotline.v1.*/…) and
/// its JSON API (/api/v1/hotline/…) and its jobs dashboard (/admin/jobs/hotline/…, administrators only) go to one cluster that speaks HTTP/2 only and is health-checked
/// through grpc.health.v1. Addresses come from "Civic:Services:{name}".
/// </summary>
public static class ServiceProxyConfig
{
    /// <summary>Consecutive failed active probes that take a destination out of rotation.</summary>
    private const string FailuresBeforeUnhealthy = "2";

    /// <summary>The services' grpc.health.v1 name for readiness (Civic.Hosting's health).</summary>
    private const string ReadinessService = "readiness";

    /// <summary>The routes; a JSON API call is cut off after <paramref name="apiCallTimeout"/> (504 problem).</summary>
    public static IReadOnlyList<RouteConfig> Routes(IEnumerable<CivicService> services, TimeSpan apiCallTimeout) =>
        services.SelectMany(service => new[]
        {
            new RouteConfig
            {
                RouteId = $"{service.Name}-grpc",
                ClusterId = service.Name,
                Match = new RouteMatch { Path = $"/{service.ProtoPackage}.{{service}}/{{method}}" },
                Metadata = new Dictionary<string, string> { [GrpcFastPath.RouteMetadataKey] = "true" },
            },
            new RouteConfig
            {
                RouteId = $"{service.Name}-jobs",
                ClusterId = service.Name,
                Match = new RouteMatch { Path = $"{service.JobsDashboardPath}/{{**rest}}" },
                Metadata = new Dictionary<string, string> { [JobsDashboardTransforms.RouteMetadataKey] = "true" },
            },
            new RouteConfig
            {
                RouteId = $"{service.Name}-api",
                ClusterId = service.Name,
                Timeout = apiCallTimeout,
                Match = new RouteMatch { Path = $"{service.ApiPrefix}/{{**rest}}" },
            },
        }).ToList();

    public static IReadOnlyList<ClusterConfig> Clusters(IEnumerable<CivicService> services, IConfiguration configuration) =>
        services.Select(service => new ClusterConfig
        {
            ClusterId = service.Name,
            HttpRequest = new Yarp.ReverseProxy.Forwarder.ForwarderRequestConfig
            {
                Version = new Version(2, 0),
                VersionPolicy = HttpVersionPolicy.RequestVersionExact,
                // Long server streams must not be cut by YARP's idle timeout; deadlines bound the calls.
                ActivityTimeout = TimeSpan.FromDays(1),
            },
            HealthCheck = new HealthCheckConfig
            {
                // When every destination of a service looks unhealthy, try them anyway: a probe can fail on a
                // replica that is only very busy, and refusing all calls then turns a slow service into a dead one.
                // A service that is really down still fails fast (connection refused → UNAVAILABLE).
                AvailableDestinationsPolicy = HealthCheckConstants.AvailableDestinations.HealthyOrPanic,
                Active = new ActiveHealthCheckConfig
                {
                    Enabled = true,
                    Interval = TimeSpan.FromSeconds(10),
                    Timeout = TimeSpan.FromSeconds(5),
                    Policy = HealthCheckConstants.ActivePolicy.ConsecutiveFailures,
                },
            },
            Metadata = new Dictionary<string, string>
            {
                ["ConsecutiveFailuresHealthPolicy.Threshold"] = FailuresBeforeUnhealthy,
                [GrpcHealthProbingRequestFactory.ServiceMetadataKey] = ReadinessService,
            },
            Destinations = new Dictionary<string, DestinationConfig>
            {
                [$"{service.Name}-1"] = new() { Address = configuration.AddressOf(service).ToString() },
            },
        }).ToList();
}
