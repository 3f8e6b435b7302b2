using Civic.Gateway.Ui.Localization;
using Civic.Defaults.Auth;

namespace Civic.Gateway.Ui.Access;

/// <summary>The roles' names as the UI shows them.</summary>
public static class UiRoles
{
    private static readonly Dictionary<string, LocalText> Names = new(StringComparer.Ordinal)
    {
        [CivicRoles.Citizen] = new("borger", "citizen"),
        [CivicRoles.PanelMember] = new("panelmedlem", "panel member"),
        [CivicRoles.Partner] = new("samarbejdspartner", "partner"),
        [CivicRoles.Staff] = new("medarbejder", "staff member"),
        [CivicRoles.Coordinator] = new("koordinator", "coordinator"),
        [CivicRoles.Director] = new("direktør", "director"),
        [CivicRoles.Admin] = new("administrator", "administrator"),
    };

    /// <summary>The role's name in the current language; an unknown role is shown as it is.</summary>
    public static string DisplayName(string role) => Names.TryGetValue(role, out var name) ? name.Current : role;
}
