using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Civic.Gateway.Hosting;

public static class GatewayEndpointServiceCollectionExtensions
{
    /// <summary>
    /// Listens on the public port (HTTP/1.1 and HTTP/2 over TLS when a certificate is configured;
    /// HTTP/1.1 only without one, since without TLS Kestrel cannot offer both) and on the h2c port
    /// (HTTP/2 only), in that order, so the server's addresses list the public one first; and which
    /// proxies in front of them are trusted to forward the client's address (<see cref="GatewayForwardedHeadersExtensions.AddGatewayForwardedHeaders"/>).
    /// </summary>
    public static IServiceCollection AddGatewayEndpoints(this IServiceCollection services)
    {
        services.AddOptions<GatewayEndpointOptions>()
            .BindConfiguration(GatewayEndpointOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddGatewayForwardedHeaders();
        services.AddOptions<KestrelServerOptions>()
            .Configure<IOptions<GatewayEndpointOptions>>((kestrel, gateway) =>
            {
                var endpoint = gateway.Value;
                var address = IPAddress.TryParse(endpoint.BindAddress, out var parsed) ? parsed : IPAddress.Loopback;
                kestrel.Listen(address, endpoint.Port, listen =>
                {
                    if (string.IsNullOrWhiteSpace(endpoint.CertificatePath))
                    {
                        listen.Protocols = HttpProtocols.Http1;
                        return;
                    }

                    listen.Protocols = HttpProtocols.Http1AndHttp2;
                    listen.UseHttps(endpoint.CertificatePath, endpoint.CertificatePassword);
                });
                kestrel.Listen(address, endpoint.GrpcPort, listen => listen.Protocols = HttpProtocols.Http2);
                // The gateway is a pass-through: the Server header only tells attackers what runs here.
                kestrel.AddServerHeader = false;
            });
        return services;
    }
}
