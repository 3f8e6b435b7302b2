using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Civic.Hosting.Kestrel;

/// <summary>Puts Kestrel on the service's gRPC endpoint.</summary>
public static class KestrelServiceCollectionExtensions
{
    /// <summary>
    /// Listens on one h2c endpoint for gRPC: <c>Protocols = Http2</c>, because without TLS
    /// <c>Http1AndHttp2</c> silently falls back to HTTP/1.1, which gRPC cannot use.
    /// </summary>
    public static IServiceCollection AddCivicKestrel(this IServiceCollection services, int defaultGrpcPort)
    {
        services.AddOptions<GrpcEndpointOptions>()
            .Configure(options => options.Port = defaultGrpcPort)
            .BindConfiguration(GrpcEndpointOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<KestrelServerOptions>()
            .Configure<IOptions<GrpcEndpointOptions>>((kestrel, endpoint) =>
            {
                var address = IPAddress.TryParse(endpoint.Value.BindAddress, out var parsed) ? parsed : IPAddress.Loopback;
                kestrel.Listen(address, endpoint.Value.Port, listen => listen.Protocols = HttpProtocols.Http2);
            });
        return services;
    }
}
