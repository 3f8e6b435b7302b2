using Civic.Gateway.Api.Idempotency;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Civic.Gateway.Api;

/// <summary>
/// What the gateway adds to a JSON API request before the service's transcoded endpoint gets it: an
/// invalid token is refused here (401), a body must be JSON and within the size limit (415, 413), and
/// a POST with an Idempotency-Key runs at most once, its first result stored and replayed.
/// </summary>
public sealed class JsonApiRequests(RequestDelegate next, IdempotentRequests idempotency, IOptions<ApiOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problem = await CheckAsync(context);
        if (problem is not null)
        {
            await problem.WriteAsync(context);
            return;
        }

        if (HttpMethods.IsPost(context.Request.Method) && context.Request.Headers.TryGetValue(IdempotentRequests.HeaderName, out var key))
        {
            var body = await ReadBodyAsync(context.Request);
            if (body.Problem is not null)
            {
                await body.Problem.WriteAsync(context);
                return;
            }

            var operation = $"{context.Request.Method} {context.Request.Path}";
            var result = await idempotency.RunAsync(context, operation, key.ToString(), body.Bytes, () => ForwardCapturingAsync(context, body.Bytes));
            if (!context.Response.HasStarted)
            {
                await result.WriteAsync(context);
            }

            return;
        }

        await next(context);
    }

    private async Task<ApiResult?> CheckAsync(HttpContext context)
    {
        // Answered from the authentication middleware's cached result: the token is validated once here, and again by the service.
        if ((await context.AuthenticateAsync()).Failure is not null)
        {
            return Problems.InvalidToken();
        }

        var request = context.Request;
        var hasBody = request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0;
        if (!hasBody)
        {
            return null;
        }

        if (!IsJson(request.ContentType))
        {
            return Problems.UnsupportedMediaType(request.ContentType);
        }

        var limit = options.Value.MaxRequestBodyBytes;
        if (request.ContentLength > limit)
        {
            return Problems.PayloadTooLarge(limit);
        }

        // Kestrel stops a chunked body at the limit too, wherever it is read.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        return null;
    }

    private async Task<(byte[] Bytes, ApiResult? Problem)> ReadBodyAsync(HttpRequest request)
    {
        var limit = options.Value.MaxRequestBodyBytes;
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return ([], Problems.PayloadTooLarge(limit));
            }

            buffer.Write(chunk, 0, read);
        }

        return (buffer.ToArray(), null);
    }

    /// <summary>Forwards the request (its body already read) and keeps the service's answer, so that it can be stored for replays.</summary>
    private async Task<ApiResult> ForwardCapturingAsync(HttpContext context, byte[] body)
    {
        var response = context.Response;
        var original = response.Body;
        using var captured = new MemoryStream();
        context.Request.Body = new MemoryStream(body, writable: false);
        context.Request.ContentLength = body.Length;
        response.Body = captured;
        try
        {
            await next(context);
        }
        finally
        {
            response.Body = original;
        }

        var result = new ApiResult(response.StatusCode, response.ContentType ?? ApiResult.JsonContentType, captured.ToArray(), response.Headers.Location.FirstOrDefault());
        // The answer is written by the caller once it is stored; headers YARP copied stay, the body is rewritten.
        response.Headers.ContentLength = null;
        return result;
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null
        && Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media)
        && (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (media.MediaType.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && media.MediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase)));
}
