using System.Security.Claims;
using Civic.Gateway.Proxy;
using Civic.Gateway.Ui;

namespace Civic.Gateway.RateLimiting;

/// <summary>The policy and partition (whose count it is) of one request.</summary>
public readonly record struct RateLimitRequest(RateLimitPolicy Policy, string Partition)
{
    private const string ApiV1Prefix = "/api/v1";

    // The web forms whose page calls a create RPC (the page calls the service directly, not through this pipeline).
    private static readonly string[] PanelSignUpPages = ["/borgerpanelet/tilmeld", "/borgerpanelet/bekraeft"];

    public static RateLimitRequest For(HttpContext context)
    {
        var request = context.Request;
        var subject = context.User.Identity?.IsAuthenticated == true ? context.User.FindFirstValue("sub") ?? context.User.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        // Login is counted per address even for a signed-in caller: it is what a password guesser cannot vary cheaply.
        var byAddress = "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        var byCaller = subject is null ? byAddress : "sub:" + subject;
        if (HttpMethods.IsPost(request.Method) && request.Path.StartsWithSegments(UiPaths.LogIn, StringComparison.OrdinalIgnoreCase))
        {
            return new(RateLimitPolicy.Login, byAddress);
        }

        if (IsCreate(request))
        {
            return new(RateLimitPolicy.Create, byCaller);
        }

        return new(subject is null ? RateLimitPolicy.Anonymous : RateLimitPolicy.Authenticated, byCaller);
    }

    private static bool IsCreate(HttpRequest request)
    {
        if (GrpcRequests.IsGrpc(request))
        {
            return CreateCalls.Paths.Contains(request.Path.Value ?? string.Empty);
        }

        return HttpMethods.IsPost(request.Method)
            && (request.Path.StartsWithSegments(ApiV1Prefix, StringComparison.OrdinalIgnoreCase)
                || PanelSignUpPages.Any(page => request.Path.StartsWithSegments(page, StringComparison.OrdinalIgnoreCase)));
    }
}
