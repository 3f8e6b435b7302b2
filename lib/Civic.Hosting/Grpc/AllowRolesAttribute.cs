namespace Civic.Hosting.Grpc;

/// <summary>
/// Declares which roles may call an RPC: put it on the handler method (or on the handler class, for
/// every method that declares nothing of its own). A caller needs a valid token with at least one
/// of the roles. RPCs open to everyone use <see cref="Microsoft.AspNetCore.Authorization.AllowAnonymousAttribute"/>
/// instead; an RPC with neither stops the service at start-up.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = false, Inherited = true)]
public sealed class AllowRolesAttribute : Attribute
{
    /// <summary>Allows callers with any of <paramref name="roles"/> (see <see cref="Civic.Defaults.Auth.CivicRoles"/>).</summary>
    public AllowRolesAttribute(params string[] roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        Roles = roles;
    }

    /// <summary>The allowed roles.</summary>
    public IReadOnlyList<string> Roles { get; }
}
