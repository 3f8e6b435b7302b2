using System.Security.Cryptography;
using Civic.Redis.Connection;
using Civic.Redis.Protocol;
using Civic.Redis.PubSub;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Civic.Redis;

/// <summary>
/// A Redis client. All commands share one multiplexed, pipelined connection: any number of callers
/// may use the client at once, their commands are written in order and each gets its own reply.
/// Pub/sub runs on a second, dedicated connection opened on the first subscription. Both reconnect
/// by themselves with exponential backoff; commands in flight when a connection drops fail with
/// <see cref="RedisConnectionException"/>. Connecting starts with the first command (or
/// <see cref="ConnectAsync"/>). Register one instance per application (<c>services.AddCivicRedis()</c>).
/// </summary>
/// <remarks>
/// Because the connection is shared, commands that change its state (SELECT, MULTI/EXEC, WATCH,
/// SUBSCRIBE, CLIENT REPLY…) are refused; use Lua scripts (<see cref="RedisScript"/>) for atomic work.
/// Blocking commands (BLPOP…) hold up every caller behind them until they return.
/// </remarks>
public sealed partial class RedisClient : IAsyncDisposable
{
    private static readonly HashSet<string> ConnectionStateCommands = new(StringComparer.OrdinalIgnoreCase)
    {
        "SELECT", "MULTI", "EXEC", "DISCARD", "WATCH", "UNWATCH", "AUTH", "HELLO", "QUIT", "RESET", "MONITOR",
        "SUBSCRIBE", "UNSUBSCRIBE", "PSUBSCRIBE", "PUNSUBSCRIBE", "SSUBSCRIBE", "SUNSUBSCRIBE", "SYNC", "PSYNC",
    };

    private readonly RedisConnectionSettings _settings;
    private readonly ConnectionSupervisor _commands;
    private readonly Lazy<RedisSubscriber> _subscriber;
    private readonly TimeProvider _timeProvider;
    private volatile bool _disposed;

    /// <summary>Creates a client; nothing connects until the first command.</summary>
    /// <param name="options">Where and how to connect; validated here.</param>
    /// <param name="loggerFactory">Logging; null logs nothing.</param>
    /// <param name="timeProvider">Time for timeouts and backoff; null uses the system clock.</param>
    /// <param name="random">The source of reconnect jitter; null seeds one from <see cref="RedisOptions.ReconnectJitterSeed"/> or at random.</param>
    /// <exception cref="ArgumentException">The options are not valid.</exception>
    public RedisClient(RedisOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null, Random? random = null)
    {
        _settings = RedisConnectionSettings.From(options);
        _timeProvider = timeProvider ?? TimeProvider.System;
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<RedisClient>();
        var backoff = new ReconnectBackoff(
            _settings.ReconnectBaseDelay,
            _settings.ReconnectMaxDelay,
            random ?? new Random(_settings.ReconnectJitterSeed ?? RandomNumberGenerator.GetInt32(int.MaxValue)));
        _commands = new ConnectionSupervisor(_settings, ConnectionRole.Commands, backoff, _timeProvider, logger);
        _subscriber = new Lazy<RedisSubscriber>(
            () => new RedisSubscriber(_settings, backoff, _timeProvider, logger),
            LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The server, as host:port.</summary>
    public string Endpoint => _settings.Endpoint;

    /// <summary>True while the command connection is open.</summary>
    public bool IsConnected => _commands.IsConnected;

    /// <summary>The protocol of the open command connection, or null while disconnected.</summary>
    public RedisProtocol? Protocol => _commands.Current?.Protocol;

    /// <summary>Opens the command connection now, waiting up to the connect timeout.</summary>
    /// <exception cref="RedisConnectionException">Redis cannot be reached (or refused the credentials).</exception>
    public async Task ConnectAsync(CancellationToken cancellationToken = default) =>
        await _commands.GetConnectionAsync(_settings.ConnectTimeout, cancellationToken);

    /// <summary>
    /// Runs any command: <c>ExecuteAsync("XADD", "stream", "*", "field", "value")</c>. Arguments may be
    /// strings, byte arrays, memory or numbers. Error replies are thrown as <see cref="RedisServerException"/>.
    /// </summary>
    public Task<RedisReply> ExecuteAsync(params object[] arguments) => ExecuteAsync(arguments, CancellationToken.None);

    /// <summary>Runs any command (see <see cref="ExecuteAsync(object[])"/>) with a cancellation token.</summary>
    public Task<RedisReply> ExecuteAsync(IReadOnlyList<object> arguments, CancellationToken cancellationToken)
    {
        if (arguments.Count == 0 || arguments[0] is not string command || string.IsNullOrWhiteSpace(command))
        {
            throw new ArgumentException("The first argument must be the command name.", nameof(arguments));
        }

        if (ConnectionStateCommands.Contains(command) || IsClientReply(arguments))
        {
            throw new ArgumentException(
                $"{command.ToUpperInvariant()} would change the state of the connection shared by every caller; it is not allowed here.",
                nameof(arguments));
        }

        var encoded = new RedisArgument[arguments.Count];
        for (var i = 0; i < encoded.Length; i++)
        {
            encoded[i] = RedisArgument.From(arguments[i]);
        }

        return SendAsync(encoded, cancellationToken);
    }

    /// <summary>Checks the connection with PING and returns the round-trip time.</summary>
    public Task<TimeSpan> PingAsync(CancellationToken cancellationToken = default) => PingAsync(_settings.CommandTimeout, cancellationToken);

    internal async Task<TimeSpan> PingAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = _timeProvider.GetTimestamp();
        await SendAsync(["PING"], timeout, cancellationToken);
        return _timeProvider.GetElapsedTime(started);
    }

    /// <summary>The health check's limit for a PING.</summary>
    internal TimeSpan HealthCheckTimeout => _settings.HealthCheckTimeout;

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        if (_subscriber.IsValueCreated)
        {
            await _subscriber.Value.DisposeAsync();
        }

        await _commands.DisposeAsync();
    }

    private Task<RedisReply> SendAsync(RedisArgument[] arguments, CancellationToken cancellationToken) =>
        SendAsync(arguments, _settings.CommandTimeout, cancellationToken);

    /// <summary>
    /// Sends a command on the shared connection, waiting for a connection if there is none (up to
    /// the same timeout that then bounds the reply).
    /// </summary>
    private async Task<RedisReply> SendAsync(RedisArgument[] arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = _timeProvider.GetTimestamp();
        var command = new PendingCommand(arguments);
        RedisConnection connection;
        do
        {
            var remaining = timeout - _timeProvider.GetElapsedTime(started);
            connection = await _commands.GetConnectionAsync(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, cancellationToken);
        }
        while (!connection.TryEnqueue(command));

        RedisReply reply;
        try
        {
            var remaining = timeout - _timeProvider.GetElapsedTime(started);
            reply = await command.Task.WaitAsync(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, _timeProvider, cancellationToken);
        }
        catch (TimeoutException)
        {
            command.TrySetCanceled(CancellationToken.None);
            throw new RedisTimeoutException($"Redis at {Endpoint} did not answer {command.Name} within {timeout.TotalMilliseconds:0} ms.");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            command.TrySetCanceled(cancellationToken);
            throw;
        }

        return reply.IsError ? throw new RedisServerException(reply.ErrorMessage!, command.Name) : reply;
    }

    private static bool IsClientReply(IReadOnlyList<object> arguments) =>
        arguments.Count > 1
        && string.Equals(arguments[0] as string, "CLIENT", StringComparison.OrdinalIgnoreCase)
        && string.Equals(arguments[1] as string, "REPLY", StringComparison.OrdinalIgnoreCase);
}
