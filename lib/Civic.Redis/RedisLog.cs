using Microsoft.Extensions.Logging;

namespace Civic.Redis;

/// <summary>Log messages of the Redis client. Endpoints are host:port only; passwords and values are never logged.</summary>
internal static partial class RedisLog
{
    [LoggerMessage(1, LogLevel.Information, "Connected to Redis at {Endpoint} ({Role} connection, RESP{Protocol}, database {Database}).")]
    public static partial void Connected(ILogger logger, string endpoint, string role, int protocol, int database);

    [LoggerMessage(2, LogLevel.Warning, "Lost the {Role} connection to Redis at {Endpoint}; reconnecting.")]
    public static partial void ConnectionLost(ILogger logger, string endpoint, string role, Exception reason);

    [LoggerMessage(3, LogLevel.Warning, "Could not connect to Redis at {Endpoint} ({Role} connection); retrying in {DelayMs} ms.")]
    public static partial void ConnectFailed(ILogger logger, string endpoint, string role, long delayMs, Exception exception);

    [LoggerMessage(4, LogLevel.Debug, "Reconnect attempt {Attempt} to Redis at {Endpoint} ({Role} connection) failed; retrying in {DelayMs} ms.")]
    public static partial void ReconnectAttemptFailed(ILogger logger, int attempt, string endpoint, string role, long delayMs, Exception exception);

    [LoggerMessage(5, LogLevel.Information, "Redis at {Endpoint} refused RESP3 ({ServerError}); using RESP2.")]
    public static partial void Resp3Refused(ILogger logger, string endpoint, string serverError);

    [LoggerMessage(6, LogLevel.Warning, "Redis at {Endpoint} refused the client name ({ServerError}); continuing without one.")]
    public static partial void ClientNameRefused(ILogger logger, string endpoint, string serverError);

    [LoggerMessage(7, LogLevel.Information, "Subscribed {Count} channels and patterns on the new subscriber connection to Redis at {Endpoint}.")]
    public static partial void Subscribed(ILogger logger, int count, string endpoint);

    [LoggerMessage(8, LogLevel.Warning, "Dropped the oldest pub/sub message of a subscription to {Channel}: its buffer is full (the reader is too slow).")]
    public static partial void MessageDropped(ILogger logger, string channel);

    [LoggerMessage(9, LogLevel.Error, "A pub/sub handler for {Channel} failed.")]
    public static partial void HandlerFailed(ILogger logger, string channel, Exception exception);

    [LoggerMessage(10, LogLevel.Debug, "Ignored an out-of-band push message ({Kind}) from Redis at {Endpoint}.")]
    public static partial void PushIgnored(ILogger logger, string kind, string endpoint);
}
