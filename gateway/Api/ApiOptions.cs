using System.ComponentModel.DataAnnotations;

namespace Civic.Gateway.Api;

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
