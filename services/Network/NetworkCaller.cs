using System.Security.Claims;
using Civic.Defaults.Auth;

namespace Civic.Network;

/// <summary>Who calls, as the Network's rules need it: their user id and name, department, whether they are the municipality's, and whether they coordinate.</summary>
public sealed record NetworkCaller(string UserId, string Name, string Department, bool IsEmployee, bool IsCoordinatorOrAdmin)
{
    public static NetworkCaller From(ClaimsPrincipal user) => new(
        user.FindFirst(CivicClaims.Subject)?.Value ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? string.Empty,
        user.FindFirst(CivicClaims.Name)?.Value ?? user.FindFirst(ClaimTypes.Name)?.Value ?? string.Empty,
        user.Department() ?? string.Empty,
        user.IsEmployee(),
        user.IsInRole(CivicRoles.Coordinator) || user.IsInRole(CivicRoles.Admin));
}
