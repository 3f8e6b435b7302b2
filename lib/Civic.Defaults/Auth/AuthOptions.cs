using System.ComponentModel.DataAnnotations;

namespace Civic.Defaults.Auth;

/// <summary>
/// How access tokens are validated, bound from the "Auth" section; the gateway and every service
/// share it. Production: <see cref="Authority"/> (an OIDC issuer whose signing keys are fetched from
/// its metadata) and <see cref="Audience"/>. Development and tests: <see cref="SigningKey"/>, a
/// shared secret with which the gateway's development login signs its tokens; refused outside the
/// Development and Testing environments (<see cref="DevelopmentEnvironments"/>).
/// </summary>
public sealed class AuthOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Auth";

    /// <summary>The issuer of development tokens when <see cref="Issuer"/> is not set.</summary>
    public const string DevelopmentIssuer = "civic-development";

    /// <summary>The smallest development signing key: HMAC-SHA256 wants 256 bits.</summary>
    public const int MinimumSigningKeyBytes = 32;

    /// <summary>The OIDC issuer's URL (its /.well-known/openid-configuration is read), e.g. https://login.aalborg.dk/realms/civic.</summary>
    public string? Authority { get; set; }

    /// <summary>The audience tokens must be issued for.</summary>
    [Required]
    public string Audience { get; set; } = "civic";

    /// <summary>The issuer tokens must name; with <see cref="Authority"/> it defaults to the issuer's metadata, else to <see cref="DevelopmentIssuer"/>.</summary>
    public string? Issuer { get; set; }

    /// <summary>Development only: the base64 HMAC-SHA256 key (at least 32 bytes) shared by the gateway's development login and the services.</summary>
    public string? SigningKey { get; set; }

    /// <summary>Fetch the issuer's metadata over HTTPS only. Leave on except against a local test issuer.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>The claim holding the roles, if the issuer does not use "role" (e.g. "roles" or "groups").</summary>
    [Required]
    public string RoleClaim { get; set; } = CivicClaims.Role;

    /// <summary>The claim holding the department code, if the issuer does not use "department".</summary>
    [Required]
    public string DepartmentClaim { get; set; } = CivicClaims.Department;

    /// <summary>How far clocks may disagree when checking a token's lifetime.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Set at binding from the host: true in Development and Testing only (<see cref="DevelopmentEnvironments"/>).</summary>
    internal bool DevelopmentKeyAllowed { get; set; }

    /// <summary>The issuer development tokens carry and services expect in development.</summary>
    public string EffectiveDevelopmentIssuer => string.IsNullOrWhiteSpace(Issuer) ? DevelopmentIssuer : Issuer;

    /// <summary>True when some token issuer is configured, so signed-in callers can be recognised.</summary>
    public bool HasIssuer => !string.IsNullOrWhiteSpace(Authority) || !string.IsNullOrWhiteSpace(SigningKey);

    /// <summary>The development signing key's bytes.</summary>
    /// <exception cref="InvalidOperationException">No valid key is configured.</exception>
    public byte[] SigningKeyBytes()
    {
        if (string.IsNullOrWhiteSpace(SigningKey))
        {
            throw new InvalidOperationException("Auth:SigningKey is not set: development tokens need a shared signing key.");
        }

        return Convert.FromBase64String(SigningKey);
    }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var hasKey = !string.IsNullOrWhiteSpace(SigningKey);
        var hasAuthority = !string.IsNullOrWhiteSpace(Authority);
        if (hasKey && !DevelopmentKeyAllowed)
        {
            yield return new ValidationResult(
                "Auth:SigningKey is the development signing key and is refused outside the Development and Testing environments: "
                + "configure Auth:Authority (the OIDC issuer) and Auth:Audience instead.",
                [nameof(SigningKey)]);
        }

        if (hasKey && hasAuthority)
        {
            yield return new ValidationResult(
                "Set either Auth:Authority (an OIDC issuer) or Auth:SigningKey (development tokens), not both.", [nameof(SigningKey)]);
        }

        if (hasKey && !HasEnoughKeyBytes(SigningKey!))
        {
            yield return new ValidationResult(
                $"Auth:SigningKey must be base64 of at least {MinimumSigningKeyBytes} random bytes (e.g. openssl rand -base64 32).", [nameof(SigningKey)]);
        }

        if (hasAuthority && (!Uri.TryCreate(Authority, UriKind.Absolute, out var authority)
            || (RequireHttpsMetadata && authority.Scheme != Uri.UriSchemeHttps)))
        {
            yield return new ValidationResult(
                $"Auth:Authority '{Authority}' must be an absolute https:// URL of the OIDC issuer (http:// only with Auth:RequireHttpsMetadata=false).",
                [nameof(Authority)]);
        }

        if (ClockSkew < TimeSpan.Zero || ClockSkew > TimeSpan.FromMinutes(5))
        {
            yield return new ValidationResult("Auth:ClockSkew must be between 0 and 5 minutes.", [nameof(ClockSkew)]);
        }
    }

    private static bool HasEnoughKeyBytes(string key)
    {
        var buffer = new byte[key.Length];
        return Convert.TryFromBase64String(key, buffer, out var written) && written >= MinimumSigningKeyBytes;
    }
}
