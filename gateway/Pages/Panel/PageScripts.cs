namespace Civic.Gateway.Pages.Panel;

/// <summary>
/// Lets one page run the gateway's own scripts. The site's content security policy allows no script at all
/// (SecurityHeadersMiddleware: the UI works without JavaScript); a page that improves itself with a script of
/// ours (never inline, never from elsewhere) relaxes script-src to 'self' on its own response only.
/// </summary>
public static class PageScripts
{
    public static void AllowOwnScripts(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var policy = response.Headers.ContentSecurityPolicy.ToString();
        response.Headers.ContentSecurityPolicy = policy.Replace("script-src 'none'", "script-src 'self'", StringComparison.Ordinal);
    }
}
