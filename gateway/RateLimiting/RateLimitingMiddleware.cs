using Civic.Gateway.Hosting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.StaticAssets;

namespace Civic.Gateway.RateLimiting;

/// <summary>Counts every request (gRPC, JSON API, login, pages; not static files) and rejects those over their limit.</summary>
public sealed class RateLimitingMiddleware(RequestDelegate next, GatewayRateLimiter limiter)
{
    public async Task InvokeAsync(HttpContext context)
    {
        // The health endpoints are for probes; a re-executed status page was counted as the original request; the
        // design system's style sheets, scripts and fonts are fingerprinted files every page view loads (a dozen at
        // once, cached): counting them spent a citizen's budget on one page and broke pages with a 429 instead of CSS.
        if (GatewayHealthExtensions.IsHealthProbe(context.Request.Path)
            || context.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || context.GetEndpoint()?.Metadata.GetMetadata<StaticAssetDescriptor>() is not null)
        {
            await next(context);
            return;
        }

        if (await AdmitAsync(context, limiter))
        {
            await next(context);
        }
    }

    /// <summary>Counts the request; when it is over its limit, answers it in its own protocol and returns false.</summary>
    public static async ValueTask<bool> AdmitAsync(HttpContext context, GatewayRateLimiter limiter)
    {
        var decision = await limiter.AcquireAsync(RateLimitRequest.For(context));
        if (!decision.Allowed)
        {
            await RateLimitRejections.WriteAsync(context, decision);
        }

        return decision.Allowed;
    }
}
