using Civic.Defaults.Auth;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace Civic.Hosting.Jobs;

/// <summary>
/// Lets only administrators see the dashboard: a valid access token (Authorization: Bearer …) with
/// the admin role. Without a valid token Hangfire answers 401, with another role 403.
/// </summary>
internal sealed class AdminDashboardAuthorization : IDashboardAsyncAuthorizationFilter
{
    public async Task<bool> AuthorizeAsync(DashboardContext context)
    {
        var httpContext = context.GetHttpContext();
        var result = await httpContext.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
        if (!result.Succeeded)
        {
            return false;
        }

        // Hangfire tells 401 from 403 by whether the user is authenticated.
        httpContext.User = result.Principal;
        return httpContext.User.IsInRole(CivicRoles.Admin);
    }
}
