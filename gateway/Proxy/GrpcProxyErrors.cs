using System.Globalization;
using Civic.Defaults.Services;
using Civic.Gateway.Api;
using Microsoft.AspNetCore.Http.Timeouts;
using Yarp.ReverseProxy.Forwarder;

namespace Civic.Gateway.Proxy;

/// <summary>
/// When the gateway cannot reach a service (refused, reset, timed out), YARP answers with a bare
/// 502 or 504; a gRPC client then sees only "received HTTP status 502". This answers such calls
/// with a real gRPC status instead (trailers-only: UNAVAILABLE, or DEADLINE_EXCEEDED on a timeout)
/// and a message that names the service.
/// </summary>
internal sealed partial class GrpcProxyErrors(RequestDelegate next, ILogger<GrpcProxyErrors> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        if (context.Features.Get<IForwarderErrorFeature>() is { } error)
        {
            await AnswerAsync(context, context.GetReverseProxyFeature().Cluster.Config.ClusterId, error.Error, logger);
        }
    }

    /// <summary>Answers a call YARP could not forward to <paramref name="cluster"/>, unless it has answered already or is neither gRPC nor the JSON API.</summary>
    public static async Task AnswerAsync(HttpContext context, string cluster, ForwarderError error, ILogger logger)
    {
        var isJsonApi = context.Request.Path.StartsWithSegments(CivicServices.ApiPrefix, StringComparison.Ordinal);
        if (context.Response.HasStarted || !(isJsonApi || GrpcRequests.IsGrpc(context.Request)))
        {
            return;
        }

        Log.ForwardingFailed(logger, cluster, error);
        // A route timeout (the JSON API's call timeout) shows up to YARP as the request being cancelled.
        var timedOut = error == ForwarderError.RequestTimedOut
            || context.Features.Get<IHttpRequestTimeoutFeature>()?.RequestTimeoutToken.IsCancellationRequested == true;
        var (code, message) = timedOut
            ? (4, $"The {cluster} service did not answer in time.")
            : (14, $"The {cluster} service is not reachable right now; try again shortly.");
        if (isJsonApi)
        {
            // The JSON API answers a problem (503 with Retry-After, or 504), not YARP's empty 502.
            context.Response.Clear();
            await Problems.FromStatus(new Google.Rpc.Status { Code = code, Message = message }).WriteAsync(context);
            return;
        }

        var response = context.Response;
        response.Clear();
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = code.ToString(CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = Uri.EscapeDataString(message);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Could not forward a gRPC call to {Cluster}: {Error}")]
        public static partial void ForwardingFailed(ILogger logger, string cluster, ForwarderError error);
    }
}

/// <summary>Tells gRPC calls from everything else by content type, as gRPC defines it.</summary>
internal static class GrpcRequests
{
    public static bool IsGrpc(HttpRequest request) =>
        request.ContentType is { } type && type.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase);
}
