using System.Globalization;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Civic.Gateway.RateLimiting;

/// <summary>
/// The limits shared by every gateway replica: one Redis counter per policy, partition and window,
/// incremented and given its expiry by one Lua script, so concurrent replicas never lose a count.
/// </summary>
public sealed class RedisRateLimits(IConnectionMultiplexer redis, IOptions<RateLimitingOptions> options, TimeProvider time)
{
    // The expiry is set with the first count only: later counts must not stretch the window.
    private const string CountScript = """
        local count = redis.call('INCR', KEYS[1])
        if count == 1 then
          redis.call('PEXPIRE', KEYS[1], ARGV[1])
        end
        return count
        """;

    private readonly RateLimitingOptions _options = options.Value;

    /// <summary>The multiplexer's own state: false while Redis is unreachable, known without a round trip.</summary>
    public bool IsConnected => redis.IsConnected;

    /// <exception cref="RedisException">Redis is not connected or failed.</exception>
    /// <exception cref="RedisTimeoutException">Redis did not answer within the command timeout.</exception>
    public async Task<RateLimitDecision> AcquireAsync(RateLimitRequest request)
    {
        var policy = _options.For(request.Policy);
        var windowMs = (long)policy.Window.TotalMilliseconds;
        var nowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        var window = nowMs / windowMs;
        var key = string.Create(CultureInfo.InvariantCulture, $"{_options.RedisKeyPrefix}:{request.Policy}:{request.Partition}:{window}");
        // StackExchange.Redis sends the script by its SHA1 once the server has it, and again in full after a NOSCRIPT.
        var count = (long)await redis.GetDatabase().ScriptEvaluateAsync(CountScript, [key], [windowMs]);
        if (count <= policy.PermitLimit)
        {
            return RateLimitDecision.Allow;
        }

        return RateLimitDecision.Reject(TimeSpan.FromMilliseconds(((window + 1) * windowMs) - nowMs));
    }
}
