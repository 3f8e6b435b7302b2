using Microsoft.Extensions.Logging;

namespace Civic.Rpc.Health;

internal static partial class RpcHealthLog
{
    [LoggerMessage(101, LogLevel.Information, "Readiness checks pass: gRPC health reports SERVING.")]
    public static partial void Ready(ILogger logger);

    [LoggerMessage(102, LogLevel.Warning, "Readiness checks fail ({FailingChecks}): gRPC health reports NOT_SERVING.")]
    public static partial void NotReady(ILogger logger, string failingChecks);
}
