using Civic.Gateway.Ui.Navigation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Civic.Gateway.Ui.Access;

/// <summary>
/// Marks a page as part of one or more roles' areas. Someone not signed in is sent to the login page (with the
/// page's path to come back to, never anything personal); someone signed in without a role of one of the
/// areas gets 403 and the "no access" page. The services check every call again.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class RoleAreaPageAttribute(params RoleAreaId[] areas) : Attribute, IAsyncPageFilter
{
    public IReadOnlyList<RoleAreaId> Areas { get; } = areas;

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var user = context.HttpContext.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            context.Result = new RedirectResult(UiPaths.LogInReturningTo(context.HttpContext.Request.Path));
            return;
        }

        if (!Areas.Any(area => NavigationMenu.Area(area).IsOpenTo(user)))
        {
            context.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
            return;
        }

        await next();
    }
}
