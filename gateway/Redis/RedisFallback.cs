using StackExchange.Redis;

namespace Civic.Gateway.Redis;

/// <summary>
/// Whether one user of Redis (<paramref name="area"/>, e.g. "Rate limiting") is serving from its in-process
/// fallback, so that the switch is logged once per outage in each direction rather than once per request.
/// </summary>
public sealed partial class RedisFallback(ILogger logger, string area)
{
    private int _active;

    /// <summary>True from a Redis failure until the next call that Redis served.</summary>
    public bool Active => Volatile.Read(ref _active) == 1;

    /// <summary>
    /// What a caller catches around a Redis call: the connection failed or a server error
    /// (<see cref="RedisException"/>), or a command timed out (<see cref="RedisTimeoutException"/>, a TimeoutException).
    /// </summary>
    public static bool IsRedisFailure(Exception exception) => exception is RedisException or RedisTimeoutException;

    /// <summary>Notes that Redis could not serve a call (<paramref name="exception"/> null: it is not connected).</summary>
    public void Enter(Exception? exception)
    {
        if (Interlocked.Exchange(ref _active, 1) == 0)
        {
            Log.FellBack(logger, area, exception?.GetType().Name ?? "not connected", exception);
        }
    }

    /// <summary>Notes that Redis served a call.</summary>
    public void Leave()
    {
        // Read first: this runs on every call Redis serves, and a write would contend between cores.
        if (Active && Interlocked.Exchange(ref _active, 0) == 1)
        {
            Log.BackOnRedis(logger, area);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "{Area} falls back to this gateway's memory: Redis unavailable ({Reason})")]
        public static partial void FellBack(ILogger logger, string area, string reason, Exception? exception);

        [LoggerMessage(2, LogLevel.Information, "{Area} uses Redis again")]
        public static partial void BackOnRedis(ILogger logger, string area);
    }
}
