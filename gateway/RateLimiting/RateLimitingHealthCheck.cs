using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Civic.Gateway.RateLimiting;

/// <summary>Degraded while the limits are per process only because Redis does not answer.</summary>
public sealed class RateLimitingHealthCheck(GatewayRateLimiter limiter) : IHealthCheck
{
    public const string Name = "rate-limiting";

    public const string FallbackDescription = "rate limiting falls back to in-process limits: Redis unavailable";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!limiter.Distributed)
        {
            return HealthCheckResult.Healthy("rate limiting uses in-process limits (no Redis configured)");
        }

        await limiter.ProbeAsync(cancellationToken);
        return limiter.FallingBack
            ? HealthCheckResult.Degraded(FallbackDescription)
            : HealthCheckResult.Healthy("rate limiting uses Redis");
    }
}
