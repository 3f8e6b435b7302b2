namespace Civic.Gateway.Identity;

/// <summary>
/// The browser keeps its access token in an HttpOnly cookie (scripts cannot read it), sent only to
/// this site (SameSite=Strict, which also keeps other sites from posting with it) and only over
/// HTTPS when the site is served over HTTPS. The gateway's token validation reads it when a request
/// has no Authorization header.
/// </summary>
public static class AccessTokenCookie
{
    public const string Name = "civic.token";

    /// <summary>Stores <paramref name="token"/> until <paramref name="expires"/>.</summary>
    public static void Write(HttpContext context, string token, DateTimeOffset expires)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Append(Name, token, Options(context, expires));
    }

    /// <summary>Removes the cookie: signs the browser out.</summary>
    public static void Delete(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Delete(Name, Options(context, expires: null));
    }

    private static CookieOptions Options(HttpContext context, DateTimeOffset? expires) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = context.Request.IsHttps,
        Path = "/",
        Expires = expires,
        IsEssential = true,
    };
}
