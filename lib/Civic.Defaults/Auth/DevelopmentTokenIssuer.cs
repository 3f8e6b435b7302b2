using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Civic.Defaults.Auth;

/// <summary>Who a development token speaks for.</summary>
/// <param name="Subject">The stable user id ("sub").</param>
/// <param name="Name">The display name.</param>
/// <param name="Role">One of <see cref="CivicRoles"/>.</param>
/// <param name="Department">The department code, for staff roles; null otherwise.</param>
public sealed record DevelopmentIdentity(string Subject, string Name, string Role, string? Department);

/// <summary>
/// Signs access tokens with the development key (<see cref="AuthOptions.SigningKey"/>, HMAC-SHA256),
/// for the gateway's development login and for tests. Production tokens come from the OIDC issuer;
/// the key, and so this issuer, is refused in Production.
/// </summary>
public sealed class DevelopmentTokenIssuer
{
    /// <summary>How long a development token is valid unless asked otherwise: one working day.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(8);

    private readonly AuthOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly SigningCredentials _credentials;
    private readonly JsonWebTokenHandler _handler = new();

    /// <summary>An issuer with the configured development key.</summary>
    /// <exception cref="InvalidOperationException">No development signing key is configured.</exception>
    public DevelopmentTokenIssuer(IOptions<AuthOptions> options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _timeProvider = timeProvider;
        _credentials = new SigningCredentials(new SymmetricSecurityKey(_options.SigningKeyBytes()), SecurityAlgorithms.HmacSha256);
    }

    /// <summary>A signed token for <paramref name="identity"/>, valid from now for <paramref name="lifetime"/> (default <see cref="DefaultLifetime"/>).</summary>
    public string Issue(DevelopmentIdentity identity, TimeSpan? lifetime = null)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        var claims = new List<Claim>
        {
            new(CivicClaims.Subject, identity.Subject),
            new(CivicClaims.Name, identity.Name),
            new(_options.RoleClaim, identity.Role),
            new(JwtRegisteredClaimNames.Jti, Guid.CreateVersion7(now).ToString()),
        };
        if (identity.Department is not null)
        {
            claims.Add(new Claim(_options.DepartmentClaim, identity.Department));
        }

        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = _options.EffectiveDevelopmentIssuer,
            Audience = _options.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + (lifetime ?? DefaultLifetime),
            SigningCredentials = _credentials,
        });
    }
}
