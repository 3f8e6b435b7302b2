using System.Security.Claims;
using Civic.Defaults.Auth;

namespace Civic.Gateway.Ui.Access;

/// <summary>What the page header shows about the signed-in user: a display name and the roles in the UI's words.</summary>
public sealed record SignedInUser(string DisplayName, IReadOnlyList<string> Roles)
{
    /// <summary>The signed-in user, or null for an anonymous visitor.</summary>
    public static SignedInUser? From(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        var name = principal.Identity.Name ?? principal.FindFirst("name")?.Value ?? string.Empty;
        return new SignedInUser(name, CivicRoles.All.Where(principal.IsInRole).ToList());
    }

    public string RoleNames => string.Join(", ", Roles.Select(UiRoles.DisplayName));
}
