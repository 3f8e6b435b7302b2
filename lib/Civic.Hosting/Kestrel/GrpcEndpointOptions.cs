using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Civic.Hosting.Kestrel;

/// <summary>
/// The service's gRPC endpoint (HTTP/2 without TLS, "h2c"), bound from "Civic:Grpc". Loopback by
/// default, so nothing is exposed on one machine; 0.0.0.0 in a container.
/// </summary>
public sealed class GrpcEndpointOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Civic:Grpc";

    /// <summary>The TCP port; 0 lets the operating system choose one (tests).</summary>
    [Range(0, 65535)]
    public int Port { get; set; }

    /// <summary>The IP address to listen on, e.g. 127.0.0.1 or 0.0.0.0.</summary>
    [Required]
    public string BindAddress { get; set; } = "127.0.0.1";

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IPAddress.TryParse(BindAddress, out _))
        {
            yield return new ValidationResult(
                $"Civic:Grpc:BindAddress '{BindAddress}' is not an IP address; use 127.0.0.1 on one machine or 0.0.0.0 in a container.",
                [nameof(BindAddress)]);
        }
    }
}
