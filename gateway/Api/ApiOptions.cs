using System.ComponentModel.DataAnnotations;

namespace Civic.Gateway.Api;

/// <summary>Where the services are for the JSON API's own calls, bound from "Gateway:Services".</summary>
public sealed class ServiceAddressOptions : IValidatableObject
{
    public const string SectionName = "Gateway:Services";

    public string Hotline { get; set; } = "http://127.0.0.1:5101";

    public string Panel { get; set; } = "http://127.0.0.1:5102";

    public string Network { get; set; } = "http://127.0.0.1:5103";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, address) in new[] { (nameof(Hotline), Hotline), (nameof(Panel), Panel), (nameof(Network), Network) })
        {
            if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                yield return new ValidationResult($"{SectionName}:{name} '{address}' is not an http(s) URL such as http://127.0.0.1:5101.", [name]);
            }
        }
    }
}

/// <summary>The JSON API's limits, bound from "Gateway:Api".</summary>
public sealed class ApiOptions
{
    public const string SectionName = "Gateway:Api";

    /// <summary>The deadline of each call the API makes to a service.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The largest JSON request body accepted.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxRequestBodyBytes { get; set; } = 256 * 1024;

    /// <summary>How long the first result of an Idempotency-Key is kept for replays.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan IdempotencyRetention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long a duplicate request waits for the first one with its key to finish before it gets 409.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan IdempotencyWait { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Where Idempotency-Key results are kept: InMemory (one gateway) or Redis (shared by every replica).</summary>
    public IdempotencyStoreKind IdempotencyStore { get; set; } = IdempotencyStoreKind.InMemory;
}

public enum IdempotencyStoreKind
{
    InMemory,
    Redis,
}
