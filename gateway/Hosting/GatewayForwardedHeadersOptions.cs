using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Civic.Gateway.Hosting;

/// <summary>
/// The proxies in front of the gateway ("Gateway:ForwardedHeaders") whose <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c> are believed. Empty (the default) believes no one: the client is the
/// connection's peer, so a direct caller cannot choose its own rate-limit partition with the header.
/// </summary>
public sealed class GatewayForwardedHeadersOptions : IValidatableObject
{
    public const string SectionName = "Gateway:ForwardedHeaders";

    /// <summary>Addresses of trusted proxies (e.g. <c>10.0.3.7</c>).</summary>
    public IList<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of trusted proxies in CIDR notation (e.g. <c>10.244.0.0/16</c>, a cluster's pod network).</summary>
    public IList<string> KnownNetworks { get; set; } = [];

    /// <summary>True when any proxy is trusted; only then are forwarded headers read at all.</summary>
    public bool Enabled => KnownProxies.Count > 0 || KnownNetworks.Count > 0;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var proxy in KnownProxies.Where(p => !IPAddress.TryParse(p, out _)))
        {
            yield return new ValidationResult(
                $"{SectionName}:KnownProxies '{proxy}' is not an IP address; put networks in {SectionName}:KnownNetworks as CIDR (10.244.0.0/16).",
                [nameof(KnownProxies)]);
        }

        foreach (var network in KnownNetworks.Where(n => !IPNetwork.TryParse(n, out _)))
        {
            yield return new ValidationResult(
                $"{SectionName}:KnownNetworks '{network}' is not a network in CIDR notation (address/prefix length, e.g. 10.244.0.0/16).",
                [nameof(KnownNetworks)]);
        }
    }
}
