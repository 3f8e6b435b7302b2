using System.ComponentModel.DataAnnotations;

namespace Civic.Gateway.RateLimiting;

/// <summary>The gateway's rate limits ("RateLimiting" section): a fixed window per policy and partition.</summary>
public sealed class RateLimitingOptions
{
    public const string SectionName = "RateLimiting";

    public bool Enabled { get; set; } = true;

    /// <summary>Callers without a token, per client IP address.</summary>
    [Required]
    public RateLimitPolicyOptions Anonymous { get; set; } = new() { PermitLimit = 600, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Callers with a token, per identity (the token's "sub").</summary>
    [Required]
    public RateLimitPolicyOptions Authenticated { get; set; } = new() { PermitLimit = 1200, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Login attempts, per client IP address: stricter, against password guessing.</summary>
    [Required]
    public RateLimitPolicyOptions Login { get; set; } = new() { PermitLimit = 30, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Anything that books or creates (POST under /api/v1, gRPC Create*/Book*/Hold*), per identity or IP.</summary>
    [Required]
    public RateLimitPolicyOptions Create { get; set; } = new() { PermitLimit = 120, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Prefix of the Redis keys, so that several deployments can share one Redis.</summary>
    [Required]
    [MinLength(1)]
    public string RedisKeyPrefix { get; set; } = "civic:ratelimit";

    public RateLimitPolicyOptions For(RateLimitPolicy policy) => policy switch
    {
        RateLimitPolicy.Login => Login,
        RateLimitPolicy.Create => Create,
        RateLimitPolicy.Authenticated => Authenticated,
        _ => Anonymous,
    };
}

/// <summary>At most <see cref="PermitLimit"/> requests per <see cref="Window"/>.</summary>
public sealed class RateLimitPolicyOptions
{
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; }

    /// <summary>Checked at start-up (data annotations do not reach into nested options).</summary>
    public bool IsValid => PermitLimit is >= 1 and <= 1_000_000 && Window >= TimeSpan.FromSeconds(1) && Window <= TimeSpan.FromDays(1);
}
