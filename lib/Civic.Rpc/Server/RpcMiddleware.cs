using System.Diagnostics;
using System.Globalization;
using Civic.Rpc.Protocol;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Civic.Rpc.Server;

/// <summary>
/// Serves gRPC on the ASP.NET Core pipeline: checks the protocol (HTTP/2, content-type, encoding,
/// deadline), dispatches by path to the bound method, and ends every call with a status.
/// Requests that are not gRPC pass on to the rest of the pipeline.
/// </summary>
internal sealed class RpcMiddleware(
    RequestDelegate next,
    RpcServiceRegistry registry,
    IOptions<RpcServerOptions> options,
    IEnumerable<IRpcExceptionMapper> exceptionMappers,
    TimeProvider timeProvider,
    ILogger<RpcMiddleware> logger)
{
    private static readonly Status DeadlineStatus = new(StatusCode.DeadlineExceeded, "Deadline exceeded: the call did not finish within the time the client allowed.");
    private readonly RpcServerOptions _options = options.Value;
    private readonly IRpcExceptionMapper[] _exceptionMappers = exceptionMappers.ToArray();

    public Task InvokeAsync(HttpContext httpContext)
    {
        var request = httpContext.Request;
        var path = request.Path.Value ?? string.Empty;
        var isGrpc = GrpcProtocol.IsGrpcContentType(request.ContentType);
        var known = registry.TryGetMethod(path, out var method);
        if (!isGrpc)
        {
            return known
                ? RejectHttpAsync(httpContext, StatusCodes.Status415UnsupportedMediaType, StatusCode.Internal,
                    $"Content-Type '{request.ContentType}' is not supported; gRPC requests must use '{GrpcProtocol.ContentType}'.")
                : next(httpContext);
        }

        if (!HttpMethods.IsPost(request.Method))
        {
            return RejectHttpAsync(httpContext, StatusCodes.Status405MethodNotAllowed, StatusCode.Unimplemented,
                $"gRPC requests must use POST, not {request.Method}.");
        }

        if (!HttpProtocol.IsHttp2(request.Protocol))
        {
            return RejectHttpAsync(httpContext, StatusCodes.Status426UpgradeRequired, StatusCode.Internal,
                $"Request protocol '{request.Protocol}' is not supported; gRPC requires HTTP/2.");
        }

        if (!known)
        {
            var service = ServiceName(path);
            var detail = registry.HasService(service)
                ? $"Method '{path}' is not implemented: service '{service}' has no such method."
                : $"Service '{service}' is not implemented on this server.";
            return RejectTrailersOnly(httpContext, path, new Status(StatusCode.Unimplemented, detail));
        }

        return HandleCallAsync(httpContext, method);
    }

    private async Task HandleCallAsync(HttpContext httpContext, ServerMethod method)
    {
        var headers = httpContext.Request.Headers;
        var requestCompressed = false;
        string? encoding = headers.GrpcEncoding;
        if (!string.IsNullOrEmpty(encoding) && encoding != GrpcProtocol.IdentityEncoding)
        {
            if (encoding != GrpcProtocol.GzipEncoding)
            {
                httpContext.Response.Headers[GrpcProtocol.AcceptEncodingHeader] = GrpcProtocol.SupportedEncodings;
                await RejectTrailersOnly(httpContext, method.Path, new Status(
                    StatusCode.Unimplemented, $"Message encoding '{encoding}' is not supported; this server accepts {GrpcProtocol.SupportedEncodings}."));
                return;
            }

            requestCompressed = true;
        }

        var deadline = DateTime.MaxValue;
        CancellationTokenSource? deadlineSource = null;
        string? timeoutText = headers.GrpcTimeout;
        if (timeoutText is not null)
        {
            if (!GrpcTimeout.TryParse(timeoutText, out var timeout))
            {
                await RejectTrailersOnly(httpContext, method.Path, new Status(
                    StatusCode.Internal, $"The grpc-timeout header '{timeoutText}' is malformed; it must be up to 8 digits and a unit (H, M, S, m, u, n)."));
                return;
            }

            deadline = timeProvider.GetUtcNow().UtcDateTime + timeout;
            deadlineSource = CancellationTokenSource.CreateLinkedTokenSource(httpContext.RequestAborted);
            deadlineSource.CancelAfter(timeout);
        }

        var compressResponses = _options.CompressResponses && AcceptsGzip(headers.GrpcAcceptEncoding);
        var context = new ServerCallContext(httpContext, method.Path, _options, deadline, deadlineSource, requestCompressed, compressResponses);
        ServerCallContext.Current = context;
        try
        {
            if (method.Authorization is { } authorize && await authorize(context) is { } denied)
            {
                context.Complete(denied);
                return;
            }

            await method.InvokeAsync(httpContext, context);
            context.Complete(context.DeadlineExceeded ? DeadlineStatus : Status.Ok);
        }
        catch (Exception exception)
        {
            CompleteWithError(httpContext, context, exception);
        }
        finally
        {
            deadlineSource?.Dispose();
        }
    }

    private void CompleteWithError(HttpContext httpContext, ServerCallContext context, Exception exception)
    {
        if (httpContext.RequestAborted.IsCancellationRequested)
        {
            // The client is gone: the stream is reset and there is nobody to send a status to.
            RpcServerLog.ClientCancelled(logger, context.Method);
            return;
        }

        if (context.DeadlineExceeded)
        {
            RpcServerLog.DeadlineExceeded(logger, context.Method);
            context.Complete(DeadlineStatus);
            return;
        }

        if (exception is RpcException rpc)
        {
            foreach (var entry in rpc.Trailers)
            {
                if (entry.ValueBytes is { } bytes)
                {
                    context.ResponseTrailers.Add(entry.Key, bytes);
                }
                else
                {
                    context.ResponseTrailers.Add(entry.Key, entry.Value!);
                }
            }

            context.Complete(rpc.Status);
            return;
        }

        foreach (var mapper in _exceptionMappers)
        {
            if (mapper.TryMap(exception) is { } mapped)
            {
                context.Complete(mapped);
                return;
            }
        }

        var correlationId = Activity.Current?.TraceId.ToString() ?? httpContext.TraceIdentifier;
        RpcServerLog.HandlerFailed(logger, context.Method, correlationId, exception);
        var detail = _options.EnableDetailedErrors
            ? $"{exception.GetType().Name}: {exception.Message} (correlation id {correlationId})"
            : $"An internal error occurred. Please try again later; if it persists, report correlation id {correlationId}.";
        context.Complete(new Status(StatusCode.Internal, detail));
    }

    private Task RejectTrailersOnly(HttpContext httpContext, string path, Status status)
    {
        RpcServerLog.ProtocolError(logger, path, status.Code, status.Detail);
        var context = new ServerCallContext(httpContext, path, _options, DateTime.MaxValue, null, false, false);
        context.Complete(status);
        return Task.CompletedTask;
    }

    private Task RejectHttpAsync(HttpContext httpContext, int httpStatus, StatusCode code, string detail)
    {
        var path = httpContext.Request.Path.Value ?? string.Empty;
        RpcServerLog.ProtocolError(logger, path, code, detail);
        var response = httpContext.Response;
        response.StatusCode = httpStatus;
        response.ContentType = "text/plain; charset=utf-8";
        response.Headers[GrpcProtocol.StatusHeader] = ((int)code).ToString(CultureInfo.InvariantCulture);
        response.Headers[GrpcProtocol.MessageHeader] = PercentEncoding.Encode(detail);
        return response.WriteAsync(detail);
    }

    private static string ServiceName(string path)
    {
        var trimmed = path.TrimStart('/');
        var slash = trimmed.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? trimmed : trimmed[..slash];
    }

    private static bool AcceptsGzip(string? acceptEncoding) =>
        acceptEncoding is not null
        && acceptEncoding.Split(',', StringSplitOptions.TrimEntries).Contains(GrpcProtocol.GzipEncoding, StringComparer.Ordinal);
}
