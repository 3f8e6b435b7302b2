using System.Security.Claims;
using Civic.Defaults.Auth;
using Civic.Gateway.Ui.Text;

namespace Civic.Gateway.Ui.Navigation;

/// <summary>
/// What the menus hold: the front page and the three offers for everyone, and the areas of the
/// signed-in user's roles. The same table decides who may open an area's pages.
/// </summary>
public static class NavigationMenu
{
    public static IReadOnlyList<NavigationLink> Public { get; } =
    [
        new("/", LayoutText.NavFrontPage),
        new("/direktoerlinjen", LayoutText.NavHotline),
        new("/borgerpanelet", LayoutText.NavPanel),
        new("/ressourcenetvaerket", LayoutText.NavNetwork),
    ];

    public static IReadOnlyList<RoleArea> RoleAreas { get; } =
    [
        new(RoleAreaId.MyContacts, new("/mine-kontakter", LayoutText.NavMyContacts), [CivicRoles.Citizen, CivicRoles.PanelMember]),
        new(RoleAreaId.PanelCases, new("/borgerpanelet/sager", LayoutText.NavPanelCases), CivicRoles.Employees),
        new(RoleAreaId.CallList, new("/direktoerlinjen/opkaldsliste", LayoutText.NavCallList), [CivicRoles.Director]),
        new(RoleAreaId.Administration, new("/administration", LayoutText.NavAdministration), [CivicRoles.Admin]),
        new(RoleAreaId.NetworkRequests, new("/ressourcenetvaerket/anmodninger", LayoutText.NavNetworkRequests), CivicRoles.Employees),
        // A civil-society partner's part of the network: their groups, requests sent to them, their own profile.
        new(RoleAreaId.NetworkPartner, new("/ressourcenetvaerket/grupper", LayoutText.NavNetworkGroups), [CivicRoles.Partner]),
    ];

    public static RoleArea Area(RoleAreaId id) => RoleAreas.Single(area => area.Id == id);

    /// <summary>The areas <paramref name="user"/> may open, in menu order; none when not signed in.</summary>
    public static IReadOnlyList<NavigationLink> ForUser(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true
            ? RoleAreas.Where(area => area.IsOpenTo(user)).Select(area => area.Link).ToList()
            : [];
}
