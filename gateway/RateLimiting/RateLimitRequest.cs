using System.Security.Claims;
using Civic.Gateway.Proxy;
using Civic.Gateway.Ui;

namespace Civic.Gateway.RateLimiting;

/// <summary>The policy and partition (whose count it is) of one request.</summary>
public readonly record struct RateLimitRequest(RateLimitPolicy Policy, string Partition)
{
    private const string ApiV1Prefix = "/api/v1";

    // Anonymous calls that store personal data and send a message count like a booking on every way in: gRPC,
    // the JSON API (a POST under /api/v1) and the web form — the Panel's sign-up, the Hotline's lottery request
    // and waitlist.
    private static readonly string[] AnonymousWriteRpcs =
    [
        "/civic.panel.v1.PoolService/SignUp", "/civic.panel.v1.PoolService/ConfirmSignUp",
        "/civic.hotline.v1.BookingService/RequestSession", "/civic.hotline.v1.BookingService/JoinWaitlist",
    ];
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
            var path = request.Path.Value ?? string.Empty;
            var method = path[(path.LastIndexOf('/') + 1)..];
            // Hold*: a seat hold (Hotline HoldSlot) takes a seat away from others like a booking does.
            return method.StartsWith("Create", StringComparison.Ordinal) || method.StartsWith("Book", StringComparison.Ordinal)
                || method.StartsWith("Hold", StringComparison.Ordinal) || AnonymousWriteRpcs.Contains(path, StringComparer.Ordinal);
        }

        return HttpMethods.IsPost(request.Method)
            && (request.Path.StartsWithSegments(ApiV1Prefix, StringComparison.OrdinalIgnoreCase)
                || PanelSignUpPages.Any(page => request.Path.StartsWithSegments(page, StringComparison.OrdinalIgnoreCase)));
    }
}
