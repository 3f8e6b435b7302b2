using Microsoft.Extensions.Logging;

namespace Civic.Rpc.Client;

internal static partial class RpcClientLog
{
    [LoggerMessage(101, LogLevel.Information, "RPC {Method} failed with {StatusCode}; retry {Attempt} in {DelayMs} ms.")]
    public static partial void Retrying(ILogger logger, string method, StatusCode statusCode, int attempt, long delayMs);

    [LoggerMessage(102, LogLevel.Warning, "Circuit to {Address} opened after repeated failures; calls fail fast for {BreakSeconds} s.")]
    public static partial void CircuitOpened(ILogger logger, Uri address, double breakSeconds);

    [LoggerMessage(103, LogLevel.Information, "Circuit to {Address} closed: calls go through again.")]
    public static partial void CircuitClosed(ILogger logger, Uri address);
}
