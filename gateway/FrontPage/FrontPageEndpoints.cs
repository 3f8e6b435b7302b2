using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Civic.Gateway.FrontPage;

public static class FrontPageEndpoints
{
    /// <summary>Listens on the gateway's HTTP/1.1 port (for browsers) with validated options.</summary>
    public static IServiceCollection AddGatewayEndpoint(this IServiceCollection services)
    {
        services.AddOptions<GatewayOptions>()
            .BindConfiguration(GatewayOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<KestrelServerOptions>()
            .Configure<IOptions<GatewayOptions>>((kestrel, gateway) =>
            {
                var address = IPAddress.TryParse(gateway.Value.BindAddress, out var parsed) ? parsed : IPAddress.Loopback;
                kestrel.Listen(address, gateway.Value.Port, listen => listen.Protocols = HttpProtocols.Http1);
            });
        return services;
    }

    /// <summary>Serves the Danish front page at "/".</summary>
    public static IEndpointRouteBuilder MapFrontPage(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", (IOptions<GatewayOptions> options) =>
            Results.Content(FrontPageHtml.Render(options.Value.Services), "text/html; charset=utf-8"));
        return endpoints;
    }
}
