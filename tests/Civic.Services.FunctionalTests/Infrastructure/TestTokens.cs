using System.Security.Cryptography;
using Civic.Defaults.Auth;
using Microsoft.Extensions.Options;

namespace Civic.Services.FunctionalTests.Infrastructure;

/// <summary>
/// Access tokens for tests, signed with a development key made for this test run and given to every
/// service under test (Auth:SigningKey), as the gateway's development login does on one machine.
/// </summary>
public static class TestTokens
{
    /// <summary>The department of the test staff member.</summary>
    public const string StaffDepartment = "boern-og-unge";

    public static string SigningKey { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static readonly DevelopmentTokenIssuer Issuer = IssuerWith(SigningKey);

    /// <summary>A token for <paramref name="role"/>; staff roles get <paramref name="department"/> (default <see cref="StaffDepartment"/>).</summary>
    public static string For(string role, string? department = null) =>
        Issuer.Issue(new DevelopmentIdentity($"test-{role}", $"Test {role}", role, department ?? (role == CivicRoles.Staff ? StaffDepartment : null)));

    /// <summary>A token for the user <paramref name="userId"/> in <paramref name="role"/>, for rules that depend on who the caller is.</summary>
    public static string ForUser(string userId, string role, string? department = null) =>
        Issuer.Issue(new DevelopmentIdentity(userId, $"Test {userId}", role, department ?? (role == CivicRoles.Staff ? StaffDepartment : null)));

    /// <summary>A token that expired an hour ago.</summary>
    public static string Expired(string role) =>
        Issuer.Issue(new DevelopmentIdentity($"test-{role}", $"Test {role}", role, null), TimeSpan.FromHours(-1));

    /// <summary>A well-formed token signed with another key.</summary>
    public static string ForeignlySigned(string role) =>
        IssuerWith(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))).Issue(new DevelopmentIdentity($"test-{role}", $"Test {role}", role, null));

    private static DevelopmentTokenIssuer IssuerWith(string key) =>
        new(Options.Create(new AuthOptions { SigningKey = key }), TimeProvider.System);
}
