using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Civic.Gateway.Hosting;

/// <summary>
/// Where the gateway listens, bound from the "Gateway" section: the public port (HTTP/1.1 and
/// HTTP/2, with TLS when a certificate is configured) for browsers, the JSON API and gRPC over TLS,
/// and an internal h2c port for gRPC clients on the same machine or inside the cluster.
/// </summary>
public sealed class GatewayEndpointOptions : IValidatableObject
{
    public const string SectionName = "Gateway";

    [Required]
    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>The public port; 0 lets the operating system choose (tests).</summary>
    [Range(0, 65535)]
    public int Port { get; set; } = 5100;

    /// <summary>The h2c (HTTP/2 without TLS) port for gRPC; 0 lets the operating system choose.</summary>
    [Range(0, 65535)]
    public int GrpcPort { get; set; } = 5190;

    /// <summary>A PFX/PKCS#12 certificate for TLS on the public port; none serves cleartext HTTP/1.1.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IPAddress.TryParse(BindAddress, out _))
        {
            yield return new ValidationResult($"Gateway:BindAddress '{BindAddress}' is not an IP address; use 127.0.0.1 on one machine or 0.0.0.0 in a container.", [nameof(BindAddress)]);
        }

        if (Port != 0 && Port == GrpcPort)
        {
            yield return new ValidationResult($"Gateway:Port and Gateway:GrpcPort are both {Port}; the public and the h2c port must differ.", [nameof(GrpcPort)]);
        }

        if (!string.IsNullOrWhiteSpace(CertificatePath) && !File.Exists(CertificatePath))
        {
            yield return new ValidationResult($"Gateway:CertificatePath '{CertificatePath}' does not exist.", [nameof(CertificatePath)]);
        }
    }
}
