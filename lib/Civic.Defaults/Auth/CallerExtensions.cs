using System.Security.Claims;

namespace Civic.Defaults.Auth;

/// <summary>What handlers ask about the caller of an RPC (<c>context.User</c>).</summary>
public static class CallerExtensions
{
    /// <summary>The caller's department code, or null when the token names none.</summary>
    public static string? Department(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirst(CivicClaims.Department)?.Value;
    }

    /// <summary>True for the municipality's own people (staff, coordinator, director, admin).</summary>
    public static bool IsEmployee(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return CivicRoles.Employees.Any(user.IsInRole);
    }

    /// <summary>
    /// The department a staff member is limited to, or null when the caller sees every department
    /// (coordinators, directors and administrators). A staff member without a department claim
    /// gets an empty scope, which matches nothing.
    /// </summary>
    public static string? StaffDepartmentScope(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var unlimited = user.IsInRole(CivicRoles.Coordinator) || user.IsInRole(CivicRoles.Director) || user.IsInRole(CivicRoles.Admin);
        return unlimited || !user.IsInRole(CivicRoles.Staff) ? null : user.Department() ?? string.Empty;
    }
}
