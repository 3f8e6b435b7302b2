using Microsoft.Extensions.Configuration;

namespace Civic.Defaults.Services;

/// <summary>
/// The one list of Civic's services. The gateway's proxy routes and clusters, the typed gRPC clients,
/// the launcher and the services' own ports are all derived from it; Kubernetes names its Services
/// the same and sets <c>Civic__Services__{name}</c> to their in-cluster addresses.
/// </summary>
public static class CivicServices
{
    /// <summary>The configuration section of service addresses ("Civic:Services:hotline" = "http://hotline:5101").</summary>
    public const string AddressSection = "Civic:Services";

    /// <summary>The JSON API's root path.</summary>
    public const string ApiPrefix = "/api/v1";

    public static readonly CivicService Hotline = new("hotline", 5101, "civic.hotline.v1");

    public static readonly CivicService Panel = new("panel", 5102, "civic.panel.v1");

    public static readonly CivicService Network = new("network", 5103, "civic.network.v1");

    /// <summary>Every service, in the order they are started.</summary>
    public static IReadOnlyList<CivicService> All { get; } = [Hotline, Panel, Network];

    /// <summary>The service named <paramref name="name"/> (ordinal, lower case).</summary>
    /// <exception cref="ArgumentException">No service has that name.</exception>
    public static CivicService Named(string name) =>
        All.FirstOrDefault(s => s.Name == name)
        ?? throw new ArgumentException($"There is no Civic service named '{name}'; the services are {string.Join(", ", All.Select(s => s.Name))}.", nameof(name));

    /// <summary>Where <paramref name="service"/> is reached: its configured address, else its one-machine address.</summary>
    /// <exception cref="InvalidOperationException">The configured address is not an absolute http(s) URL.</exception>
    public static Uri AddressOf(this IConfiguration configuration, CivicService service)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(service);
        var configured = configuration[service.AddressSetting];
        if (string.IsNullOrWhiteSpace(configured))
        {
            return service.DefaultAddress;
        }

        return Uri.TryCreate(configured, UriKind.Absolute, out var address) && (address.Scheme == Uri.UriSchemeHttp || address.Scheme == Uri.UriSchemeHttps)
            ? address
            : throw new InvalidOperationException($"{service.AddressSetting} = '{configured}' is not an absolute http(s) address such as http://{service.Name}:{service.DefaultPort}.");
    }
}
