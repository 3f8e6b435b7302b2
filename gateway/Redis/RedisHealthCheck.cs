using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Civic.Gateway.Redis;

/// <summary>
/// Redis as the multiplexer sees it, without a round trip, so a probe never waits for an unreachable Redis.
/// Disconnected is Degraded (the registration's failure status), not Unhealthy: every use has a fallback.
/// </summary>
public sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public const string Name = "redis";

    public const string DisconnectedDescription =
        "Redis is not connected: rate limits count per replica and Idempotency-Key results stay on the replica that stored them";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(redis.IsConnected
            ? HealthCheckResult.Healthy("Redis is connected")
            : new HealthCheckResult(context.Registration.FailureStatus, DisconnectedDescription));
}
