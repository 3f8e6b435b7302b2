using System.Globalization;
using Civic.Gateway.Api;
using Civic.Gateway.Proxy;
using Civic.Gateway.Ui;

namespace Civic.Gateway.RateLimiting;

/// <summary>Answers a rejected request in the caller's own protocol.</summary>
public static class RateLimitRejections
{
    /// <summary>gRPC's RESOURCE_EXHAUSTED.</summary>
    public const int GrpcResourceExhausted = 8;

    public const string Message = "Too many requests; try again later.";

    public static Task WriteAsync(HttpContext context, RateLimitDecision decision)
    {
        var retryAfter = decision.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        var response = context.Response;
        if (GrpcRequests.IsGrpc(context.Request))
        {
            // Trailers-only: gRPC wants HTTP 200 and the status in headers of a response without a body.
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "application/grpc";
            response.Headers["grpc-status"] = GrpcResourceExhausted.ToString(CultureInfo.InvariantCulture);
            response.Headers["grpc-message"] = Uri.EscapeDataString(Message);
            response.Headers["retry-after"] = retryAfter;
            return Task.CompletedTask;
        }

        if (!UiRequests.IsUi(context))
        {
            return Problems.Problem(StatusCodes.Status429TooManyRequests, "too-many-requests", "Too many requests",
                Message, decision.RetryAfter).WriteAsync(context);
        }

        // An empty 429: the status code pages render the UI's localized page for it.
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = retryAfter;
        return Task.CompletedTask;
    }
}
