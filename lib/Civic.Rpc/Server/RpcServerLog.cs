using Microsoft.Extensions.Logging;

namespace Civic.Rpc.Server;

internal static partial class RpcServerLog
{
    [LoggerMessage(1, LogLevel.Error, "RPC {Method} failed with an unhandled exception; correlation id {CorrelationId}.")]
    public static partial void HandlerFailed(ILogger logger, string method, string correlationId, Exception exception);

    [LoggerMessage(2, LogLevel.Debug, "RPC {Method} was cancelled by the client.")]
    public static partial void ClientCancelled(ILogger logger, string method);

    [LoggerMessage(3, LogLevel.Information, "RPC {Method} exceeded its deadline.")]
    public static partial void DeadlineExceeded(ILogger logger, string method);

    [LoggerMessage(4, LogLevel.Information, "RPC {Method} rejected: {StatusCode} {Detail}")]
    public static partial void ProtocolError(ILogger logger, string method, StatusCode statusCode, string detail);
}
