using System.Diagnostics;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;

namespace Civic.Hosting.Errors;

/// <summary>
/// Turns what a handler throws into the status a caller can act on: a domain exception into its
/// status with rich details (<see cref="RpcErrors"/>); anything unexpected into INTERNAL with only a
/// correlation id, logged with that id, so no internals (or personal data) leave the service.
/// </summary>
public sealed partial class RpcErrorInterceptor(ILogger<RpcErrorInterceptor> logger) : Interceptor
{
    /// <summary>The most bytes a status message may take percent-encoded in grpc-message; longer ones are cut.</summary>
    public const int MaxEncodedMessageBytes = 2048;

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception exception) when (Translate(exception, context) is { } status)
        {
            throw status;
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception exception) when (Translate(exception, context) is { } status)
        {
            throw status;
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(requestStream, context);
        }
        catch (Exception exception) when (Translate(exception, context) is { } status)
        {
            throw status;
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(requestStream, responseStream, context);
        }
        catch (Exception exception) when (Translate(exception, context) is { } status)
        {
            throw status;
        }
    }

    /// <summary>The exception to answer with instead, or null to let <paramref name="exception"/> through unchanged.</summary>
    private RpcException? Translate(Exception exception, ServerCallContext context)
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
        Log.Unhandled(logger, exception, context.Method, correlationId);
        return new RpcException(new Status(StatusCode.Internal,
            $"An internal error occurred. Correlation id: {correlationId}. Please try again; if it keeps happening, give this id to support."));
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "Unhandled exception in {Method}; answered INTERNAL with correlation id {CorrelationId}")]
        public static partial void Unhandled(ILogger logger, Exception exception, string method, string correlationId);
    }
}
