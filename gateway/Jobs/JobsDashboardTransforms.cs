using System.Net.Http.Headers;
using Civic.Gateway.Identity;
using Civic.Gateway.Ui;
using Civic.Defaults.Auth;
using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace Civic.Gateway.Jobs;

/// <summary>
/// The routes to the services' Hangfire dashboards (/admin/jobs/{service}/…, marked in the
/// "ReverseProxy" section with the metadata <see cref="RouteMetadataKey"/>). The gateway lets only
/// administrators through: anonymous visitors go to the sign-in page, other roles get 403. The
/// service checks the token again, which it reads from the Authorization header only, so the
/// browser's access-token cookie becomes a bearer header here, for these routes alone.
/// </summary>
internal sealed class JobsDashboardTransforms : ITransformProvider
{
    public const string RouteMetadataKey = "Civic.JobsDashboard";

    /// <summary>
    /// The UI's policy, but with the dashboard's own scripts allowed (it renders without them too):
    /// Hangfire's pages load one script file from the same path and set a few inline styles.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    public void ValidateRoute(TransformRouteValidationContext context)
    {
    }

    public void ValidateCluster(TransformClusterValidationContext context)
    {
    }

    public void Apply(TransformBuilderContext context)
    {
        if (context.Route.Metadata?.TryGetValue(RouteMetadataKey, out var marked) != true || marked != "true")
        {
            return;
        }

        context.AddRequestTransform(AdministratorsOnly);
        context.AddResponseTransform(response =>
        {
            response.HttpContext.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
            return ValueTask.CompletedTask;
        });
    }

    private static ValueTask AdministratorsOnly(RequestTransformContext transform)
    {
        // A response set here (any status but 200) is sent instead of forwarding the request.
        var httpContext = transform.HttpContext;
        if (httpContext.User.Identity?.IsAuthenticated != true)
        {
            httpContext.Response.Redirect(UiPaths.LogInReturningTo(httpContext.Request.Path));
            return ValueTask.CompletedTask;
        }

        if (!httpContext.User.IsInRole(CivicRoles.Admin))
        {
            httpContext.Response.StatusCode = StatusCodes.Status403Forbidden;
            return ValueTask.CompletedTask;
        }

        var headers = transform.ProxyRequest.Headers;
        if (headers.Authorization is null && httpContext.Request.Cookies.TryGetValue(AccessTokenCookie.Name, out var token))
        {
            headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        // The service needs none of the browser's cookies.
        headers.Remove("Cookie");
        return ValueTask.CompletedTask;
    }
}
