using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
// HttpOverrides has an obsolete IPNetwork of its own.
using IPNetwork = System.Net.IPNetwork;

namespace Civic.Gateway.Hosting;

public static class GatewayForwardedHeadersExtensions
{
    /// <summary>
    /// Binds <see cref="GatewayForwardedHeadersOptions"/> (validated at start-up) and sets ASP.NET Core's
    /// forwarded-headers handling to trust exactly those proxies.
    /// </summary>
    public static IServiceCollection AddGatewayForwardedHeaders(this IServiceCollection services)
    {
        services.AddOptions<GatewayForwardedHeadersOptions>()
            .BindConfiguration(GatewayForwardedHeadersOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>()
            .Configure<IOptions<GatewayForwardedHeadersOptions>>((forwarded, gateway) =>
            {
                // Not X-Forwarded-Host: the host is the ingress's to check, and nothing here builds links from it.
                forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
                // ASP.NET Core trusts loopback out of the box; here only what is configured is trusted.
                forwarded.KnownProxies.Clear();
                forwarded.KnownIPNetworks.Clear();
                foreach (var proxy in gateway.Value.KnownProxies)
                {
                    forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
                }

                foreach (var network in gateway.Value.KnownNetworks)
                {
                    forwarded.KnownIPNetworks.Add(IPNetwork.Parse(network));
                }

                // No hop limit: X-Forwarded-For is read from the right and stops at the first address that is not a
                // trusted proxy, which is the client however many of our proxies (ingress, oauth2-proxy) came between.
                // Entries a client wrote itself stand left of that address and are never reached.
                forwarded.ForwardLimit = null;
            });
        return services;
    }

    /// <summary>
    /// Puts the client's address and scheme, as the trusted proxies forwarded them, on the request; nothing
    /// when no proxy is trusted. Call it first: the rate limits partition by the client's address, and the UI
    /// sends HSTS only for HTTPS.
    /// </summary>
    public static IApplicationBuilder UseGatewayForwardedHeaders(this IApplicationBuilder app)
    {
        // Without this check an empty trust list would make ASP.NET Core believe every peer's headers.
        if (app.ApplicationServices.GetRequiredService<IOptions<GatewayForwardedHeadersOptions>>().Value.Enabled)
        {
            app.UseForwardedHeaders();
        }

        return app;
    }
}
