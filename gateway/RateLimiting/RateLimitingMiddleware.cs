using Civic.Gateway.Hosting;
using Microsoft.AspNetCore.Diagnostics;

namespace Civic.Gateway.RateLimiting;

/// <summary>Counts every request (gRPC, JSON API, login, pages) and rejects those over their limit.</summary>
public sealed class RateLimitingMiddleware(RequestDelegate next, GatewayRateLimiter limiter)
{
    public async Task InvokeAsync(HttpContext context)
    {
        // The health endpoints are for probes; a re-executed status page was counted as the original request.
        if (GatewayHealthExtensions.IsHealthProbe(context.Request.Path)
            || context.Features.Get<IStatusCodeReExecuteFeature>() is not null)
        {
            await next(context);
            return;
        }

        var decision = await limiter.AcquireAsync(RateLimitRequest.For(context));
        if (decision.Allowed)
        {
            await next(context);
            return;
        }

        await RateLimitRejections.WriteAsync(context, decision);
    }
}
