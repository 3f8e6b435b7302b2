namespace Civic.Rpc.Health;

/// <summary>Settings of the <c>grpc.health.v1.Health</c> service, bound from the "Rpc:Health" configuration section.</summary>
public sealed class RpcHealthOptions
{
    /// <summary>
    /// The tag of the health checks that decide readiness (e.g. "database reachable", "migrations applied").
    /// Checks without it do not affect what the gRPC health service reports.
    /// </summary>
    public const string ReadyTag = "ready";

    /// <summary>How often a <c>Watch</c> call re-evaluates readiness to see whether it changed.</summary>
    public TimeSpan WatchInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long an evaluated readiness is reused, so that many watchers and probes do not each run the
    /// (database) checks. Zero evaluates on every request.
    /// </summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromSeconds(1);
}
