using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Civic.Defaults.Auth;

/// <summary>Access-token validation, the same in the gateway and every service.</summary>
public static class AuthServiceCollectionExtensions
{
    /// <summary>
    /// Validates JWT bearer tokens as the "Auth" section says (<see cref="AuthOptions"/>): signed by
    /// the OIDC issuer in production, by the shared development key elsewhere. Role and department
    /// claims are read under their configured names and exposed as <see cref="CivicClaims.Role"/> and
    /// <see cref="CivicClaims.Department"/>. A bad setting stops start-up with a message.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="environment">The host's environment (development keys are refused outside Development and Testing).</param>
    /// <param name="asDefaultScheme">
    /// True for the gateway, whose pipeline authenticates every request. False for the gRPC services:
    /// their interceptor validates a token only where one is sent, so the authentication middleware that
    /// ASP.NET Core adds by itself must not run the bearer handler on every call (bench/README.md).
    /// </param>
    public static IServiceCollection AddCivicAuthentication(this IServiceCollection services, IHostEnvironment environment, bool asDefaultScheme = true)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (services.Any(d => d.ServiceType == typeof(DevelopmentTokenIssuer)))
        {
            return services;
        }

        var developmentKeyAllowed = DevelopmentEnvironments.Allow(environment.EnvironmentName);
        services.AddOptions<AuthOptions>()
            .Configure(options => options.DevelopmentKeyAllowed = developmentKeyAllowed)
            .BindConfiguration(AuthOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new DevelopmentTokenIssuer(sp.GetRequiredService<IOptions<AuthOptions>>(), sp.GetRequiredService<TimeProvider>()));
        if (asDefaultScheme)
        {
            services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        }
        else
        {
            // ASP.NET Core makes a lone scheme the default unless told not to; the switch is process-wide,
            // which fits: a service process has this one scheme and never wants a default.
            AppContext.SetSwitch("Microsoft.AspNetCore.Authentication.SuppressAutoDefaultScheme", true);
            services.AddAuthentication().AddJwtBearer();
        }

        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>>((jwt, auth) => Configure(jwt, auth.Value));
        return services;
    }

    private static void Configure(JwtBearerOptions jwt, AuthOptions auth)
    {
        // Keep the token's own claim names ("sub", "role"), not the WS-* URIs of the old mapping.
        jwt.MapInboundClaims = false;
        jwt.SaveToken = true;
        var parameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidAudience = auth.Audience,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = auth.ClockSkew,
            NameClaimType = CivicClaims.Name,
            RoleClaimType = auth.RoleClaim,
        };
        if (!string.IsNullOrWhiteSpace(auth.Authority))
        {
            jwt.Authority = auth.Authority;
            jwt.RequireHttpsMetadata = auth.RequireHttpsMetadata;
            if (!string.IsNullOrWhiteSpace(auth.Issuer))
            {
                parameters.ValidIssuer = auth.Issuer;
            }
        }
        else if (!string.IsNullOrWhiteSpace(auth.SigningKey))
        {
            parameters.ValidIssuer = auth.EffectiveDevelopmentIssuer;
            parameters.IssuerSigningKey = new SymmetricSecurityKey(auth.SigningKeyBytes());
            parameters.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];
        }

        jwt.TokenValidationParameters = parameters;
        if (auth.DepartmentClaim != CivicClaims.Department)
        {
            jwt.Events = new JwtBearerEvents { OnTokenValidated = context => CopyDepartment(context, auth.DepartmentClaim) };
        }
    }

    private static Task CopyDepartment(TokenValidatedContext context, string departmentClaim)
    {
        if (context.Principal?.Identity is ClaimsIdentity identity)
        {
            foreach (var claim in identity.FindAll(departmentClaim).ToList())
            {
                identity.AddClaim(new Claim(CivicClaims.Department, claim.Value));
            }
        }

        return Task.CompletedTask;
    }
}
