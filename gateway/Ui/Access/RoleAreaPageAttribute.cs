using Civic.Gateway.Ui.Navigation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Civic.Gateway.Ui.Access;

/// <summary>
/// Marks a page as part of a role's area. Someone not signed in is sent to the login page (with the
/// page's path to come back to, never anything personal); someone signed in without one of the
/// area's roles gets 403 and the "no access" page. The services check every call again.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class RoleAreaPageAttribute(RoleAreaId area) : Attribute, IAsyncPageFilter
{
    public RoleAreaId Area { get; } = area;

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var user = context.HttpContext.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            context.Result = new RedirectResult(UiPaths.LogInReturningTo(context.HttpContext.Request.Path));
            return;
        }

        if (!NavigationMenu.Area(Area).IsOpenTo(user))
        {
            context.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
            return;
        }

        await next();
    }
}
