using System.Globalization;
using Civic.Redis;
using Microsoft.Extensions.Options;

namespace Civic.Gateway.RateLimiting;

/// <summary>
/// The limits shared by every gateway replica: one Redis counter per policy, partition and window,
/// incremented and given its expiry by one Lua script, so concurrent replicas never lose a count.
/// </summary>
public sealed class RedisRateLimits(RedisClient redis, IOptions<RateLimitingOptions> options, TimeProvider time)
{
    // The expiry is set with the first count only: later counts must not stretch the window.
    private static readonly RedisScript CountScript = new("""
        local count = redis.call('INCR', KEYS[1])
        if count == 1 then
          redis.call('PEXPIRE', KEYS[1], ARGV[1])
        end
        return count
        """);

    private readonly RateLimitingOptions _options = options.Value;

    /// <exception cref="RedisException">Redis did not answer or failed.</exception>
    public async Task<RateLimitDecision> AcquireAsync(RateLimitRequest request, CancellationToken cancellationToken)
    {
        var policy = _options.For(request.Policy);
        var windowMs = (long)policy.Window.TotalMilliseconds;
        var nowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        var window = nowMs / windowMs;
        var key = string.Create(CultureInfo.InvariantCulture, $"{_options.RedisKeyPrefix}:{request.Policy}:{request.Partition}:{window}");
        var reply = await redis.EvaluateAsync(CountScript, [key], [windowMs], cancellationToken);
        if (reply.AsInt64() <= policy.PermitLimit)
        {
            return RateLimitDecision.Allow;
        }

        return RateLimitDecision.Reject(TimeSpan.FromMilliseconds(((window + 1) * windowMs) - nowMs));
    }

    public Task PingAsync(CancellationToken cancellationToken) => redis.PingAsync(cancellationToken);
}
