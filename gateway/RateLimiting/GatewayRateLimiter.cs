using Civic.Redis;

namespace Civic.Gateway.RateLimiting;

/// <summary>
/// Decides each request against Redis when it is configured, else in process. When Redis fails it
/// switches to the in-process limits (logged once), so the gateway keeps serving, and it goes back to
/// Redis when a probe (at most one every <see cref="ProbeInterval"/>, or the health check) finds it answering.
/// </summary>
public sealed partial class GatewayRateLimiter(
    InProcessRateLimits inProcess,
    ILogger<GatewayRateLimiter> logger,
    TimeProvider time,
    RedisRateLimits? redis = null)
{
    /// <summary>How often a request may start a probe of Redis while the fallback is active.</summary>
    public static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(2);

    private int _fallingBack;
    private int _probing;
    private long _lastProbeTimestamp;

    /// <summary>True when Redis is configured.</summary>
    public bool Distributed => redis is not null;

    /// <summary>True while Redis is configured but unavailable and the in-process limits apply.</summary>
    public bool FallingBack => Volatile.Read(ref _fallingBack) == 1;

    public async ValueTask<RateLimitDecision> AcquireAsync(RateLimitRequest request, CancellationToken cancellationToken)
    {
        if (redis is null)
        {
            return inProcess.Acquire(request);
        }

        if (FallingBack)
        {
            StartProbeIfDue();
            return inProcess.Acquire(request);
        }

        try
        {
            return await redis.AcquireAsync(request, cancellationToken);
        }
        catch (RedisException exception)
        {
            SwitchToFallback(exception);
            return inProcess.Acquire(request);
        }
    }

    /// <summary>Pings Redis and switches to or from the fallback by the answer (used by the health check).</summary>
    public async Task ProbeAsync(CancellationToken cancellationToken)
    {
        if (redis is null)
        {
            return;
        }

        try
        {
            await redis.PingAsync(cancellationToken);
            SwitchToRedis();
        }
        catch (RedisException exception)
        {
            SwitchToFallback(exception);
        }
    }

    private void StartProbeIfDue()
    {
        var now = time.GetTimestamp();
        if (time.GetElapsedTime(Interlocked.Read(ref _lastProbeTimestamp), now) < ProbeInterval
            || Interlocked.CompareExchange(ref _probing, 1, 0) != 0)
        {
            return;
        }

        Interlocked.Exchange(ref _lastProbeTimestamp, now);
        // Off the request's path: a Redis that is still down must not make this request wait for its timeout.
        _ = Task.Run(async () =>
        {
            try
            {
                await ProbeAsync(CancellationToken.None);
            }
            finally
            {
                Volatile.Write(ref _probing, 0);
            }
        });
    }

    private void SwitchToFallback(RedisException exception)
    {
        Interlocked.Exchange(ref _lastProbeTimestamp, time.GetTimestamp());
        if (Interlocked.Exchange(ref _fallingBack, 1) == 0)
        {
            Log.FellBack(logger, exception.GetType().Name, exception);
        }
    }

    private void SwitchToRedis()
    {
        if (Interlocked.Exchange(ref _fallingBack, 0) == 1)
        {
            Log.BackOnRedis(logger);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Rate limiting falls back to in-process limits: Redis unavailable ({Reason})")]
        public static partial void FellBack(ILogger logger, string reason, Exception exception);

        [LoggerMessage(2, LogLevel.Information, "Rate limiting uses Redis again")]
        public static partial void BackOnRedis(ILogger logger);
    }
}
