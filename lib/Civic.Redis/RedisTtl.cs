namespace Civic.Redis;

/// <summary>What <c>PTTL</c> says about a key: missing, without expiry, or expiring after <see cref="Remaining"/>.</summary>
public readonly record struct RedisTtl(bool KeyExists, TimeSpan? Remaining)
{
    /// <summary>True when the key exists and will expire.</summary>
    public bool HasExpiry => Remaining is not null;

    internal static RedisTtl FromMilliseconds(long value) => value switch
    {
        -2 => new RedisTtl(false, null),
        -1 => new RedisTtl(true, null),
        _ => new RedisTtl(true, TimeSpan.FromMilliseconds(value)),
    };
}
