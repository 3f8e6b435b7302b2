using Civic.Defaults.Auth;

namespace Civic.Gateway.Identity;

/// <summary>A demo user of the development login: fictitious, one per role.</summary>
/// <param name="Id">The stable user id (the token's "sub").</param>
/// <param name="DisplayName">A Danish name to show.</param>
/// <param name="Role">One of <see cref="CivicRoles"/>.</param>
/// <param name="Department">The department code for staff roles, else null.</param>
public sealed record DemoUser(string Id, string DisplayName, string Role, string? Department);

/// <summary>
/// The development login: demo users of every role and tokens for them, signed with the development
/// key that the services share (Auth:SigningKey). Registered only when Identity:DevelopmentLogin:Enabled
/// is on (the default in Development), and only in the Development and Testing environments: start-up refuses it elsewhere.
/// </summary>
public sealed class DevelopmentLogin(DevelopmentTokenIssuer issuer)
{
    /// <summary>The setting that switches the development login on or off.</summary>
    public const string EnabledSetting = "Identity:DevelopmentLogin:Enabled";

    private static readonly DemoUser[] DemoUsers =
    [
        new("demo-borger", "Mette Jensen", CivicRoles.Citizen, null),
        new("demo-panelmedlem", "Ahmad Rahimi", CivicRoles.PanelMember, null),
        new("demo-partner", "Birthe Nielsen", CivicRoles.Partner, null),
        new("demo-medarbejder", "Sofie Nielsen", CivicRoles.Staff, "boern-og-unge"),
        new("demo-koordinator", "Jonas Christensen", CivicRoles.Coordinator, "sundhed-og-kultur"),
        new("demo-direktoer", "Anne Mortensen", CivicRoles.Director, "boern-og-unge"),
        new("demo-admin", "Karen Poulsen", CivicRoles.Admin, null),
    ];

    /// <summary>The demo users, in the order of <see cref="CivicRoles.All"/>.</summary>
    public IReadOnlyList<DemoUser> Users => DemoUsers;

    /// <summary>How long an issued token (and the cookie holding it) lasts.</summary>
    public TimeSpan TokenLifetime => DevelopmentTokenIssuer.DefaultLifetime;

    /// <summary>A signed access token for the demo user <paramref name="userId"/>.</summary>
    /// <exception cref="ArgumentException">There is no demo user with that id.</exception>
    public string IssueToken(string userId)
    {
        var user = Find(userId) ?? throw new ArgumentException($"There is no demo user '{userId}'.", nameof(userId));
        return issuer.Issue(new DevelopmentIdentity(user.Id, user.DisplayName, user.Role, user.Department), TokenLifetime);
    }

    /// <summary>The demo user with this id, or null.</summary>
    public DemoUser? Find(string userId) => Array.Find(DemoUsers, u => string.Equals(u.Id, userId, StringComparison.Ordinal));
}
