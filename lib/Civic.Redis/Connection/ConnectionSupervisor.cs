using Microsoft.Extensions.Logging;

namespace Civic.Redis.Connection;

/// <summary>
/// Keeps one connection of a role open: connects, runs the handshake, and after a drop reconnects
/// with exponential backoff and jitter until disposed. Callers ask it for the current connection;
/// while there is none they wait for the next one (up to their timeout), or fail at once when
/// configured to fail fast or when the server refused our credentials.
/// </summary>
internal sealed class ConnectionSupervisor : IAsyncDisposable
{
    private readonly RedisConnectionSettings _settings;
    private readonly ConnectionRole _role;
    private readonly Func<RedisConnection, CancellationToken, Task>? _onConnected;
    private readonly Action<RedisReply>? _onPush;
    private readonly ReconnectBackoff _backoff;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private TaskCompletionSource<RedisConnection> _nextConnection = NewSignal();
    private RedisConnection? _current;
    private Exception? _lastFailure;
    private bool _disposed;
    private int _started;
    private Task _loop = Task.CompletedTask;

    public ConnectionSupervisor(
        RedisConnectionSettings settings,
        ConnectionRole role,
        ReconnectBackoff backoff,
        TimeProvider timeProvider,
        ILogger logger,
        Func<RedisConnection, CancellationToken, Task>? onConnected = null,
        Action<RedisReply>? onPush = null)
    {
        _settings = settings;
        _role = role;
        _backoff = backoff;
        _timeProvider = timeProvider;
        _logger = logger;
        _onConnected = onConnected;
        _onPush = onPush;
    }

    /// <summary>True while a connection is open.</summary>
    public bool IsConnected => Volatile.Read(ref _current) is { IsClosed: false };

    /// <summary>Why the last connection or attempt failed; null while connected or before the first attempt ends.</summary>
    public Exception? LastFailure
    {
        get
        {
            lock (_gate)
            {
                return _lastFailure;
            }
        }
    }

    /// <summary>The open connection, if any, without waiting.</summary>
    public RedisConnection? Current => Volatile.Read(ref _current) is { IsClosed: false } connection ? connection : null;

    /// <summary>Starts connecting in the background (once).</summary>
    public void EnsureStarted()
    {
        if (Interlocked.Exchange(ref _started, 1) == 0)
        {
            _loop = Task.Run(RunAsync);
        }
    }

    /// <summary>The open connection, waiting for one up to <paramref name="timeout"/> unless failing fast.</summary>
    public async ValueTask<RedisConnection> GetConnectionAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        EnsureStarted();
        var started = _timeProvider.GetTimestamp();
        while (true)
        {
            Task<RedisConnection> next;
            lock (_gate)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                if (_current is { } current)
                {
                    if (!current.IsClosed)
                    {
                        return current;
                    }

                    MarkLost(current, current.Failure!);
                }

                if (_lastFailure is RedisAuthenticationException authentication)
                {
                    throw new RedisAuthenticationException(authentication.Message, authentication);
                }

                if (_lastFailure is not null && _settings.FailFastWhenDisconnected)
                {
                    throw new RedisConnectionException($"Not connected to Redis at {_settings.Endpoint} (failing fast while disconnected).", _lastFailure);
                }

                next = _nextConnection.Task;
            }

            var remaining = timeout - _timeProvider.GetElapsedTime(started);
            RedisConnection connection;
            try
            {
                connection = await next.WaitAsync(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, _timeProvider, cancellationToken);
            }
            catch (TimeoutException)
            {
                throw new RedisConnectionException($"Not connected to Redis at {_settings.Endpoint} within {timeout.TotalMilliseconds:0} ms.", LastFailure);
            }
            catch (RedisAuthenticationException exception)
            {
                throw new RedisAuthenticationException(exception.Message, exception);
            }
            catch (RedisConnectionException exception)
            {
                throw new RedisConnectionException(exception.Message, exception);
            }

            if (!connection.IsClosed)
            {
                return connection;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        RedisConnection? current;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            current = _current;
            _current = null;
            _nextConnection.TrySetException(new ObjectDisposedException(nameof(RedisClient)));
        }

        await _stopping.CancelAsync();
        if (current is not null)
        {
            await current.DisposeAsync();
        }

        await _loop;
        _stopping.Dispose();
    }

    private async Task RunAsync()
    {
        var attempt = 0;
        while (!_stopping.IsCancellationRequested)
        {
            RedisConnection connection;
            try
            {
                connection = await ConnectAsync();
            }
            catch (Exception exception) when (!_stopping.IsCancellationRequested)
            {
                var delay = _backoff.GetDelay(attempt);
                // The first failure after being connected (or ever) is a warning; the retries that follow are detail.
                if (attempt == 0)
                {
                    RedisLog.ConnectFailed(_logger, _settings.Endpoint, RoleName, (long)delay.TotalMilliseconds, exception);
                }
                else
                {
                    RedisLog.ReconnectAttemptFailed(_logger, attempt + 1, _settings.Endpoint, RoleName, (long)delay.TotalMilliseconds, exception);
                }

                // Logged before waiting callers are released, so the log tells the story in order.
                OnAttemptFailed(exception);
                attempt++;
                if (!await DelayAsync(delay))
                {
                    return;
                }

                continue;
            }
            catch (Exception)
            {
                // Disposed while connecting: whatever the attempt ran into no longer matters.
                return;
            }

            if (!Publish(connection))
            {
                await connection.DisposeAsync();
                return;
            }

            RedisLog.Connected(_logger, _settings.Endpoint, RoleName, (int)connection.Protocol, _settings.Database);
            attempt = 0;
            var reason = await connection.Closed;
            lock (_gate)
            {
                MarkLost(connection, reason);
            }

            if (_stopping.IsCancellationRequested)
            {
                return;
            }

            RedisLog.ConnectionLost(_logger, _settings.Endpoint, RoleName, reason);
            if (!await DelayAsync(_backoff.GetDelay(0)))
            {
                return;
            }
        }
    }

    private async Task<RedisConnection> ConnectAsync()
    {
        using var timeout = new CancellationTokenSource(_settings.ConnectTimeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, _stopping.Token);
        RedisConnection? connection = null;
        try
        {
            connection = await RedisConnection.OpenAsync(_settings, _role, _onPush, linked.Token);
            await ConnectionHandshake.RunAsync(connection, _settings, _logger, linked.Token);
            if (_onConnected is not null)
            {
                await _onConnected(connection, linked.Token);
            }

            if (connection.IsClosed)
            {
                throw new RedisConnectionException($"The connection to Redis at {_settings.Endpoint} closed during the handshake.", connection.Failure);
            }

            return connection;
        }
        catch (Exception exception)
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }

            if (exception is OperationCanceledException && timeout.IsCancellationRequested && !_stopping.IsCancellationRequested)
            {
                throw new RedisConnectionException(
                    $"Connecting to Redis at {_settings.Endpoint} took longer than {_settings.ConnectTimeout.TotalMilliseconds:0} ms.", exception);
            }

            throw;
        }
    }

    private bool Publish(RedisConnection connection)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return false;
            }

            Volatile.Write(ref _current, connection);
            _lastFailure = null;
            _nextConnection.TrySetResult(connection);
            return true;
        }
    }

    /// <summary>Forgets a closed connection so that callers wait for the next one. Caller holds the lock.</summary>
    private void MarkLost(RedisConnection connection, Exception reason)
    {
        if (!ReferenceEquals(_current, connection))
        {
            return;
        }

        Volatile.Write(ref _current, null);
        _lastFailure = reason;
        if (_nextConnection.Task.IsCompleted)
        {
            _nextConnection = NewSignal();
        }
    }

    private void OnAttemptFailed(Exception exception)
    {
        lock (_gate)
        {
            _lastFailure = exception;
            // Waiting callers give up now when waiting cannot help: wrong credentials, or fail-fast mode.
            if (exception is RedisAuthenticationException || _settings.FailFastWhenDisconnected)
            {
                var failed = _nextConnection;
                _nextConnection = NewSignal();
                failed.TrySetException(exception is RedisAuthenticationException
                    ? exception
                    : new RedisConnectionException($"Could not connect to Redis at {_settings.Endpoint}.", exception));
            }
        }
    }

    private async Task<bool> DelayAsync(TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, _timeProvider, _stopping.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private string RoleName => _role == ConnectionRole.Commands ? "command" : "subscriber";

    private static TaskCompletionSource<RedisConnection> NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
