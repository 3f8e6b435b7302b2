using Microsoft.Extensions.Hosting;

namespace Civic.Defaults.Auth;

/// <summary>
/// The host environments where development credentials (the development signing key, the gateway's
/// development login) may be used: Development and <see cref="Testing"/>. Every other name, Staging and a
/// mistyped one included, refuses them, so a new environment is safe until someone decides otherwise.
/// </summary>
public static class DevelopmentEnvironments
{
    /// <summary>The environment that test hosts run in.</summary>
    public const string Testing = "Testing";

    /// <summary>True for Development and <see cref="Testing"/> (compared as the host does, ignoring case).</summary>
    public static bool Allow(string environmentName) =>
        string.Equals(environmentName, Environments.Development, StringComparison.OrdinalIgnoreCase)
        || string.Equals(environmentName, Testing, StringComparison.OrdinalIgnoreCase);
}
