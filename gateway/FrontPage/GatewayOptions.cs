using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Civic.Gateway.FrontPage;

/// <summary>Where the gateway listens and where the services are, bound from the "Gateway" section.</summary>
public sealed class GatewayOptions : IValidatableObject
{
    public const string SectionName = "Gateway";

    [Range(0, 65535)]
    public int Port { get; set; } = 5100;

    [Required]
    public string BindAddress { get; set; } = "127.0.0.1";

    [Required]
    public ServiceAddresses Services { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IPAddress.TryParse(BindAddress, out _))
        {
            yield return new ValidationResult($"Gateway:BindAddress '{BindAddress}' is not an IP address.", [nameof(BindAddress)]);
        }

        foreach (var (name, address) in new[] { ("Hotline", Services.Hotline), ("Panel", Services.Panel), ("Network", Services.Network) })
        {
            if (!Uri.TryCreate(address, UriKind.Absolute, out _))
            {
                yield return new ValidationResult($"Gateway:Services:{name} '{address}' is not an absolute URL such as http://127.0.0.1:5101.", [nameof(Services)]);
            }
        }
    }
}

/// <summary>The services' gRPC addresses.</summary>
public sealed class ServiceAddresses
{
    public string Hotline { get; set; } = "http://127.0.0.1:5101";

    public string Panel { get; set; } = "http://127.0.0.1:5102";

    public string Network { get; set; } = "http://127.0.0.1:5103";
}
