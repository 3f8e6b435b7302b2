using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Civic.Gateway.RateLimiting;

/// <summary>
/// The limits of this gateway process alone: one counter per policy and partition in a fixed window that
/// starts with the partition's first request, timed on <see cref="TimeProvider"/>'s monotonic clock. A
/// rejection tells how long the caller's window has left, as the Redis path does.
/// </summary>
/// <remarks>
/// Not System.Threading.RateLimiting's fixed-window limiter: it reports the whole window as Retry-After
/// and runs its windows on its own timer and clock.
/// </remarks>
public sealed class InProcessRateLimits
{
    private readonly ConcurrentDictionary<RateLimitRequest, Window> _windows = new();
    private readonly RateLimitingOptions _options;
    private readonly TimeProvider _time;
    private readonly TimeSpan _sweepInterval;
    private long _lastSweepTimestamp;
    private int _sweeping;

    public InProcessRateLimits(IOptions<RateLimitingOptions> options, TimeProvider time)
    {
        _options = options.Value;
        _time = time;
        _sweepInterval = Enum.GetValues<RateLimitPolicy>().Min(policy => _options.For(policy).Window);
        _lastSweepTimestamp = time.GetTimestamp();
    }

    /// <summary>How many partitions hold a count; those whose window has ended are removed in the background.</summary>
    public int PartitionCount => _windows.Count;

    public RateLimitDecision Acquire(RateLimitRequest request)
    {
        var policy = _options.For(request.Policy);
        var now = _time.GetTimestamp();
        var window = _windows.AddOrUpdate(
            request,
            static (_, state) => new Window(state.Now, 1),
            static (_, current, state) => state.Limits.HasEnded(current, state.Window, state.Now)
                ? new Window(state.Now, 1)
                : current with { Count = current.Count + 1 },
            (Limits: this, policy.Window, Now: now));
        RemoveEndedWindowsIfDue(now);
        if (window.Count <= policy.PermitLimit)
        {
            return RateLimitDecision.Allow;
        }

        return RateLimitDecision.Reject(policy.Window - _time.GetElapsedTime(window.StartTimestamp, now));
    }

    private bool HasEnded(Window window, TimeSpan length, long now) => _time.GetElapsedTime(window.StartTimestamp, now) >= length;

    private void RemoveEndedWindowsIfDue(long now)
    {
        if (_time.GetElapsedTime(Interlocked.Read(ref _lastSweepTimestamp), now) < _sweepInterval
            || Interlocked.CompareExchange(ref _sweeping, 1, 0) != 0)
        {
            return;
        }

        Interlocked.Exchange(ref _lastSweepTimestamp, now);
        // Off the request's path: with many partitions (one per client address) a sweep takes a while.
        ThreadPool.QueueUserWorkItem(static state => state.Limits.RemoveEndedWindows(state.Now), (Limits: this, Now: now), preferLocal: false);
    }

    private void RemoveEndedWindows(long now)
    {
        try
        {
            foreach (var entry in _windows)
            {
                if (HasEnded(entry.Value, _options.For(entry.Key.Policy).Window, now))
                {
                    // Removed only if unchanged: a request that has just opened a new window keeps its count.
                    _windows.TryRemove(entry);
                }
            }
        }
        finally
        {
            Volatile.Write(ref _sweeping, 0);
        }
    }

    /// <summary>The count in a window that started at <see cref="StartTimestamp"/> (<see cref="TimeProvider.GetTimestamp"/>).</summary>
    private readonly record struct Window(long StartTimestamp, long Count);
}
