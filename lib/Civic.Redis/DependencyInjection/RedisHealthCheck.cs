using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Civic.Redis;

/// <summary>
/// PINGs Redis within the configured health-check timeout. Redis being down makes the application
/// Degraded (its registered failure status), not Unhealthy: every use of Redis has a fallback.
/// </summary>
public sealed class RedisHealthCheck(RedisClient client) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var roundTrip = await client.PingAsync(client.HealthCheckTimeout, cancellationToken);
            return HealthCheckResult.Healthy(
                $"Redis at {client.Endpoint} answers.",
                new Dictionary<string, object> { ["roundTripMs"] = roundTrip.TotalMilliseconds });
        }
        catch (RedisException exception)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"Redis at {client.Endpoint} does not answer: {exception.Message}", exception);
        }
    }
}
