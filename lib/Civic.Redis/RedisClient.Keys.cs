using Civic.Redis.Protocol;

namespace Civic.Redis;

public sealed partial class RedisClient
{
    /// <summary>Deletes a key (<c>DEL</c>); true if it existed.</summary>
    public async Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default) =>
        (await SendAsync(["DEL", key], cancellationToken)).AsInt64() == 1;

    /// <summary>Deletes keys (<c>DEL</c>); returns how many existed.</summary>
    public async Task<long> DeleteAsync(IEnumerable<string> keys, CancellationToken cancellationToken = default) =>
        (await SendAsync(WithKeys("DEL", keys), cancellationToken)).AsInt64();

    /// <summary>Whether a key exists (<c>EXISTS</c>).</summary>
    public async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default) =>
        (await SendAsync(["EXISTS", key], cancellationToken)).AsInt64() == 1;

    /// <summary>How many of the keys exist (<c>EXISTS</c>; a key named twice counts twice).</summary>
    public async Task<long> ExistsAsync(IEnumerable<string> keys, CancellationToken cancellationToken = default) =>
        (await SendAsync(WithKeys("EXISTS", keys), cancellationToken)).AsInt64();

    /// <summary>
    /// Sets a key's time to live: <c>EXPIRE</c> for whole seconds, <c>PEXPIRE</c> otherwise. False if the key does not exist.
    /// </summary>
    public async Task<bool> ExpireAsync(string key, TimeSpan timeToLive, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeToLive, TimeSpan.Zero);
        RedisArgument[] command = IsWholeSeconds(timeToLive)
            ? ["EXPIRE", key, (long)timeToLive.TotalSeconds]
            : ["PEXPIRE", key, (long)Math.Ceiling(timeToLive.TotalMilliseconds)];
        return (await SendAsync(command, cancellationToken)).AsInt64() == 1;
    }

    /// <summary>A key's remaining time to live, to the millisecond (<c>PTTL</c>).</summary>
    public async Task<RedisTtl> TimeToLiveAsync(string key, CancellationToken cancellationToken = default) =>
        RedisTtl.FromMilliseconds((await SendAsync(["PTTL", key], cancellationToken)).AsInt64());

    /// <summary>A key's remaining time to live, to the second (<c>TTL</c>).</summary>
    public async Task<RedisTtl> TimeToLiveSecondsAsync(string key, CancellationToken cancellationToken = default)
    {
        var seconds = (await SendAsync(["TTL", key], cancellationToken)).AsInt64();
        return RedisTtl.FromMilliseconds(seconds < 0 ? seconds : seconds * 1000);
    }

    private static bool IsWholeSeconds(TimeSpan value) => value.Ticks % TimeSpan.TicksPerSecond == 0;

    private static RedisArgument[] WithKeys(string command, IEnumerable<string> keys)
    {
        var arguments = new List<RedisArgument> { command };
        foreach (var key in keys)
        {
            arguments.Add(key);
        }

        if (arguments.Count == 1)
        {
            throw new ArgumentException($"{command} needs at least one key.", nameof(keys));
        }

        return [.. arguments];
    }
}
