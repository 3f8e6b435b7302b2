using Grpc.Core;

namespace Civic.Gateway.Ui.Data;

/// <summary>
/// How pages call the services: through the typed gRPC clients (which forward the signed-in user's
/// token; the services authorise every call again) with a short deadline, so a slow service costs a
/// page a few seconds at most. A failed call is logged without personal data and reported as null,
/// and the page says the information cannot be fetched right now.
/// </summary>
public sealed partial class PageServiceCalls(TimeProvider timeProvider, ILogger<PageServiceCalls> logger)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <summary>Runs <paramref name="call"/> for the page's request; null when the service failed or refused.</summary>
    /// <param name="context">The page's request.</param>
    /// <param name="rpc">The RPC's name, for the log.</param>
    /// <param name="call">Starts the call with the options given.</param>
    public async Task<TResponse?> CallAsync<TResponse>(HttpContext context, string rpc, Func<CallOptions, AsyncUnaryCall<TResponse>> call)
        where TResponse : class
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            return await call(new CallOptions(deadline: timeProvider.GetUtcNow().UtcDateTime + Timeout, cancellationToken: context.RequestAborted));
        }
        catch (RpcException exception) when (!context.RequestAborted.IsCancellationRequested)
        {
            Log.CallFailed(logger, rpc, exception.StatusCode);
            return null;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "A page's call to {Method} failed with {StatusCode}")]
        public static partial void CallFailed(ILogger logger, string method, StatusCode statusCode);
    }
}
