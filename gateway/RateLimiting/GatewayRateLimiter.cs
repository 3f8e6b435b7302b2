using Civic.Gateway.Redis;

namespace Civic.Gateway.RateLimiting;

/// <summary>
/// Decides each request against Redis when it is configured, else in process. While the multiplexer is
/// disconnected, or when a Redis call fails, the request is decided by the in-process limits at once (no
/// wait for a timeout), so the gateway keeps serving; the switch is logged once, and requests go to Redis
/// again as soon as the multiplexer has reconnected.
/// </summary>
public sealed class GatewayRateLimiter(InProcessRateLimits inProcess, ILogger<GatewayRateLimiter> logger, RedisRateLimits? redis = null)
{
    private readonly RedisFallback _fallback = new(logger, "Rate limiting");

    /// <summary>True when Redis is configured.</summary>
    public bool Distributed => redis is not null;

    /// <summary>True from a Redis failure until the next request Redis decides.</summary>
    public bool FallingBack => _fallback.Active;

    public async ValueTask<RateLimitDecision> AcquireAsync(RateLimitRequest request)
    {
        if (redis is null)
        {
            return inProcess.Acquire(request);
        }

        if (!redis.IsConnected)
        {
            _fallback.Enter(exception: null);
            return inProcess.Acquire(request);
        }

        try
        {
            var decision = await redis.AcquireAsync(request);
            _fallback.Leave();
            return decision;
        }
        catch (Exception exception) when (RedisFallback.IsRedisFailure(exception))
        {
            _fallback.Enter(exception);
            return inProcess.Acquire(request);
        }
    }
}
