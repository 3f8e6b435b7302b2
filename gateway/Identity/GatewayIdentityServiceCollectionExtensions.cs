using Civic.Defaults.Auth;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace Civic.Gateway.Identity;

public static class GatewayIdentityServiceCollectionExtensions
{
    /// <summary>
    /// Validates access tokens (the "Auth" section, as the services do) from the Authorization header
    /// or, for browsers, the access-token cookie; binds "Gateway:Identity" (the sign-out, validated at
    /// start-up); adds the development login when it is enabled.
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// The development login is enabled outside Development and Testing, or enabled without a development signing key.
    /// </exception>
    public static WebApplicationBuilder AddGatewayIdentity(this WebApplicationBuilder builder)
    {
        builder.Services.AddCivicAuthentication(builder.Environment);
        builder.Services.AddAuthorization();
        builder.Services.AddOptions<GatewayIdentityOptions>()
            .BindConfiguration(GatewayIdentityOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, jwt =>
        {
            jwt.Events ??= new JwtBearerEvents();
            var earlier = jwt.Events.OnMessageReceived;
            jwt.Events.OnMessageReceived = async context =>
            {
                await earlier(context);
                if (context.Token is null
                    && !context.Request.Headers.ContainsKey("Authorization")
                    && context.Request.Cookies.TryGetValue(AccessTokenCookie.Name, out var token))
                {
                    context.Token = token;
                }
            };
        });

        var enabled = builder.Configuration.GetValue<bool?>(DevelopmentLogin.EnabledSetting) ?? builder.Environment.IsDevelopment();
        if (!enabled)
        {
            return builder;
        }

        // Allowed where it is known to be safe rather than refused where it is known to be dangerous: a Staging
        // or a mistyped environment name is as reachable as Production.
        if (!DevelopmentEnvironments.Allow(builder.Environment.EnvironmentName))
        {
            throw new InvalidOperationException(
                $"The development login must not run in the {builder.Environment.EnvironmentName} environment (only in Development and {DevelopmentEnvironments.Testing}): "
                + $"it signs anyone in as any role. Set {DevelopmentLogin.EnabledSetting}=false "
                + "and sign users in through the municipality's OIDC provider in front of the gateway (oauth2-proxy; see gateway/README.md).");
        }

        if (string.IsNullOrWhiteSpace(builder.Configuration[$"{AuthOptions.SectionName}:{nameof(AuthOptions.SigningKey)}"]))
        {
            throw new InvalidOperationException(
                "The development login needs Auth:SigningKey, the development signing key the services share (base64 of 32 random bytes, "
                + $"e.g. openssl rand -base64 32). tools/Civic.Launcher sets one for every run; or set {DevelopmentLogin.EnabledSetting}=false.");
        }

        builder.Services.AddSingleton<DevelopmentLogin>();
        builder.Services.AddSingleton<DevelopmentSignIn>();
        return builder;
    }
}
