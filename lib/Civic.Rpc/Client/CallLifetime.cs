using Civic.Rpc.Server;

namespace Civic.Rpc.Client;

/// <summary>
/// One token that ends a call for every reason it can end early: the caller's token, the deadline
/// (own, default, or inherited from the server call being served), and the served call's cancellation.
/// Knows afterwards which of them it was.
/// </summary>
internal sealed class CallLifetime : IDisposable
{
    // CancellationTokenSource timers take at most uint.MaxValue - 1 ms; a deadline further away than
    // that (~49 days) is still sent to the server but not timed locally.
    private static readonly TimeSpan MaxTimerDelay = TimeSpan.FromMilliseconds(uint.MaxValue - 1.0);

    private readonly TimeProvider _timeProvider;
    private readonly CancellationTokenSource _deadlineTimer;
    private readonly CancellationTokenSource _linked;
    private readonly ServerCallContext? _servedCall;
    private readonly Lock _lock = new();
    private bool _disposed;

    public CallLifetime(DateTime? deadline, TimeSpan? defaultTimeout, ServerCallContext? servedCall, TimeProvider timeProvider, CancellationToken callerToken)
    {
        _timeProvider = timeProvider;
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var effective = deadline is { } requested ? ToUtc(requested) : defaultTimeout is { } timeout ? now + timeout : DateTime.MaxValue;
        if (servedCall is not null && servedCall.Deadline < effective)
        {
            effective = servedCall.Deadline;
        }

        Deadline = effective;
        _servedCall = servedCall;
        _deadlineTimer = new CancellationTokenSource();
        if (effective != DateTime.MaxValue)
        {
            var remaining = effective - now;
            if (remaining <= TimeSpan.Zero)
            {
                _deadlineTimer.Cancel();
            }
            else if (remaining <= MaxTimerDelay)
            {
                _deadlineTimer.Dispose();
                _deadlineTimer = new CancellationTokenSource(remaining, timeProvider);
            }
        }

        _linked = CancellationTokenSource.CreateLinkedTokenSource(callerToken, servedCall?.CancellationToken ?? CancellationToken.None, _deadlineTimer.Token);
        Token = _linked.Token;
    }

    /// <summary>The effective deadline (UTC); <see cref="DateTime.MaxValue"/> for none.</summary>
    public DateTime Deadline { get; }

    /// <summary>Fires when the call must stop.</summary>
    public CancellationToken Token { get; }

    public bool IsCancellationRequested => Token.IsCancellationRequested;

    /// <summary>Whether the deadline has passed (the timer fired, or the clock says so).</summary>
    public bool IsDeadlineExpired =>
        _deadlineTimer.IsCancellationRequested
        || (Deadline != DateTime.MaxValue && _timeProvider.GetUtcNow().UtcDateTime >= Deadline);

    /// <summary>Time left until the deadline, or null when there is none.</summary>
    public TimeSpan? Remaining => Deadline == DateTime.MaxValue ? null : Deadline - _timeProvider.GetUtcNow().UtcDateTime;

    /// <summary>The status a call ended early by this lifetime gets.</summary>
    public Status CancellationStatus()
    {
        // The served call's own deadline timer may fire a moment before ours: that is the same deadline.
        if (IsDeadlineExpired || _servedCall is { DeadlineExceeded: true })
        {
            return new Status(StatusCode.DeadlineExceeded, "Deadline exceeded: the call did not complete before its deadline.");
        }

        return _servedCall is { CancellationToken.IsCancellationRequested: true }
            ? new Status(StatusCode.Cancelled, "Call cancelled: the server call it was made for was cancelled.")
            : new Status(StatusCode.Cancelled, "Call cancelled by the client.");
    }

    /// <summary>Ends the call (e.g. on dispose or a local error); a no-op once disposed.</summary>
    public void Cancel()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }
        }

        // Outside the lock: cancellation runs callbacks synchronously, and they may come back here.
        try
        {
            _linked.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Disposed between the check and the cancel: the call is over anyway.
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        _linked.Dispose();
        _deadlineTimer.Dispose();
    }

    private static DateTime ToUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Local => value.ToUniversalTime(),
        DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        _ => value,
    };
}
