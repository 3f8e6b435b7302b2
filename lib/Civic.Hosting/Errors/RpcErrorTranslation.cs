using System.Diagnostics;
using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace Civic.Hosting.Errors;

/// <summary>
/// Turns what a handler throws (<see cref="Grpc.CivicServerInterceptor"/>) into the status a caller can act on: a domain exception into its
/// status with rich details (<see cref="RpcErrors"/>); anything unexpected into INTERNAL with only a
/// correlation id, logged with that id, so no internals (or personal data) leave the service.
/// </summary>
public sealed partial class RpcErrorTranslation(ILogger<RpcErrorTranslation> logger)
{
    /// <summary>The most bytes a status message may take percent-encoded in grpc-message; longer ones are cut.</summary>
    public const int MaxEncodedMessageBytes = 2048;

    /// <summary>The exception to answer with instead, or null to let <paramref name="exception"/> through unchanged.</summary>
    public RpcException? Translate(Exception exception, ServerCallContext context)
    {
        if (exception is RpcException rpc)
        {
            // grpc-message travels in a header: a very long one makes clients drop the whole status
            // (grpcio: RESOURCE_EXHAUSTED on the metadata size; grpc-js: no status at all).
            var cut = StatusMessages.Shorten(rpc.Status.Detail, MaxEncodedMessageBytes);
            return ReferenceEquals(cut, rpc.Status.Detail)
                ? null
                : new RpcException(new Status(rpc.StatusCode, cut, rpc.Status.DebugException), StatusMessages.WithShortDetails(rpc.Trailers, cut));
        }

        if (exception is OperationCanceledException && context.CancellationToken.IsCancellationRequested)
        {
            // The caller went away or the deadline passed, which the server reports itself.
            return null;
        }

        if (RpcErrors.FromException(exception) is { } status)
        {
            return status.ToRpcException();
        }

        var correlationId = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString("N");
        if (IsTransient(exception))
        {
            // The database is out of connections or briefly unreachable: a retry can succeed, so say so (UNAVAILABLE is
            // what gRPC clients and their retry policies retry), rather than INTERNAL, which they give up on.
            Log.Transient(logger, exception, context.Method, correlationId);
            return new RpcException(new Status(StatusCode.Unavailable,
                $"The service is briefly unable to reach its database. Please retry shortly; a request with an idempotency key is safe to repeat. Correlation id: {correlationId}."));
        }

        Log.Unhandled(logger, exception, context.Method, correlationId);
        return new RpcException(new Status(StatusCode.Internal,
            $"An internal error occurred. Correlation id: {correlationId}. Please try again; if it keeps happening, give this id to support."));
    }

    /// <summary>A database failure its driver calls transient, thrown as is or wrapped (EF's retrying execution strategy wraps it).</summary>
    internal static bool IsTransient(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is System.Data.Common.DbException { IsTransient: true })
            {
                return true;
            }
        }

        return false;
    }

    private static partial class Log
    {
        [LoggerMessage(2, LogLevel.Warning, "Transient database failure in {Method}; answered UNAVAILABLE with correlation id {CorrelationId}")]
        public static partial void Transient(ILogger logger, Exception exception, string method, string correlationId);

        [LoggerMessage(1, LogLevel.Error, "Unhandled exception in {Method}; answered INTERNAL with correlation id {CorrelationId}")]
        public static partial void Unhandled(ILogger logger, Exception exception, string method, string correlationId);
    }
}
