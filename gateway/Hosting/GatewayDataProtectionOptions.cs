namespace Civic.Gateway.Hosting;

/// <summary>Where the Data Protection key ring is kept, bound from "Gateway:DataProtection".</summary>
public sealed class GatewayDataProtectionOptions
{
    public const string SectionName = "Gateway:DataProtection";

    /// <summary>
    /// A folder every replica shares (e.g. a volume), for deployments without Redis. With Redis configured the
    /// key ring is kept there instead, and setting this as well is refused.
    /// </summary>
    public string? KeysDirectory { get; set; }

    /// <summary>The Redis list holding the key ring, so that several deployments can share one Redis.</summary>
    public string RedisKey { get; set; } = "civic:gateway:data-protection-keys";
}
