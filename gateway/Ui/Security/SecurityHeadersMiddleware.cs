using Civic.Gateway.Identity;
using Microsoft.Extensions.Options;

namespace Civic.Gateway.Ui.Security;

/// <summary>
/// Puts the browser-facing security headers on every response that is not gRPC: a strict content
/// security policy (no scripts at all: the UI works without JavaScript; styles and images from the
/// gateway only; no framing), no MIME sniffing, a same-origin referrer, no powerful browser features,
/// and HSTS when the request came over TLS.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next, IOptions<GatewayIdentityOptions> identity)
{

    public const string PermissionsPolicy =
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";

    public const string StrictTransportSecurity = "max-age=31536000; includeSubDomains";

    private readonly string _contentSecurityPolicy = ContentSecurityPolicy(identity.Value.SignOutOrigins());

    /// <summary>
    /// The policy. Forms post to this site only, plus the sign-out's origins: browsers check a form's
    /// redirects against form-action too, and log-out (a form on every page) redirects to the login proxy's
    /// sign-out and on to the identity provider.
    /// </summary>
    public static string ContentSecurityPolicy(IEnumerable<string> signOutOrigins) =>
        "default-src 'none'; script-src 'none'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; " +
        $"form-action {string.Join(' ', signOutOrigins.Prepend("'self'"))}; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = _contentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        // Older browsers ignore frame-ancestors; this says the same to them.
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers["Permissions-Policy"] = PermissionsPolicy;
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
        if (context.Request.IsHttps)
        {
            headers.StrictTransportSecurity = StrictTransportSecurity;
        }

        return next(context);
    }
}
