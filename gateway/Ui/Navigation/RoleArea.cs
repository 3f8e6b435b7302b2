using System.Security.Claims;

namespace Civic.Gateway.Ui.Navigation;

/// <summary>The parts of the UI that belong to roles; each page of one is marked with <c>[RoleAreaPage]</c>.</summary>
public enum RoleAreaId
{
    MyContacts,
    PanelCases,
    CallList,
    Administration,
    NetworkRequests,
    NetworkPartner,
}

/// <summary>A role's part of the UI: where it is, what it is called, and who may open it.</summary>
public sealed record RoleArea(RoleAreaId Id, NavigationLink Link, IReadOnlyList<string> Roles)
{
    public bool IsOpenTo(ClaimsPrincipal user) => Roles.Any(user.IsInRole);
}
