namespace Civic.Defaults.Auth;

/// <summary>
/// The roles a caller can have, as they appear in the token's role claim. Staff roles carry a
/// department claim (<see cref="CivicClaims.Department"/>) where the role is tied to a department.
/// </summary>
public static class CivicRoles
{
    /// <summary>A citizen signed in to see their own things ("Mine kontakter"); booking needs no login.</summary>
    public const string Citizen = "citizen";

    /// <summary>A member of the citizens' panel, signed in through their invitation.</summary>
    public const string PanelMember = "panel-member";

    /// <summary>
    /// Someone from a civil-society partner of the resource network (an association, a volunteer organisation), signed
    /// in: sees and answers what concerns their own profile, their network groups and requests sent to them; never the
    /// municipality's internal data.
    /// </summary>
    public const string Partner = "partner";

    /// <summary>An employee of a department.</summary>
    public const string Staff = "staff";

    /// <summary>A panel or network coordinator, working across departments.</summary>
    public const string Coordinator = "coordinator";

    /// <summary>A department director (or deputy) who takes hotline calls.</summary>
    public const string Director = "director";

    /// <summary>A system administrator.</summary>
    public const string Admin = "admin";

    /// <summary>Every role, the municipality's outsiders first.</summary>
    public static IReadOnlyList<string> All { get; } = [Citizen, PanelMember, Partner, Staff, Coordinator, Director, Admin];

    /// <summary>The municipality's own people: staff and up.</summary>
    public static IReadOnlyList<string> Employees { get; } = [Staff, Coordinator, Director, Admin];
}

/// <summary>The claim types Civic reads from an access token.</summary>
public static class CivicClaims
{
    /// <summary>The caller's stable id.</summary>
    public const string Subject = "sub";

    /// <summary>The caller's display name.</summary>
    public const string Name = "name";

    /// <summary>A role (one claim per role); see <see cref="CivicRoles"/>.</summary>
    public const string Role = "role";

    /// <summary>The code of the caller's department (as civic.hotline.v1.Department.code), on staff roles.</summary>
    public const string Department = "department";
}
