using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Civic.Hosting.Grpc;

/// <summary>
/// gRPC lets a client send several values of one "-bin" key in one header, joined by commas (grpc-js
/// does); Grpc.AspNetCore would decode the joined text as one base64 value and fail the call. This
/// splits such headers into their values before the call is handled.
/// </summary>
public sealed class BinaryMetadataValues(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var headers = context.Request.Headers;
        var joined = headers
            .Where(h => h.Key.EndsWith("-bin", StringComparison.OrdinalIgnoreCase) && h.Value.Any(v => v?.Contains(',', StringComparison.Ordinal) == true))
            .ToList();
        foreach (var (key, values) in joined)
        {
            headers[key] = new StringValues(values
                .SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                .ToArray());
        }

        return next(context);
    }
}
