using Civic.Redis.Protocol;

namespace Civic.Redis;

public sealed partial class RedisClient
{
    /// <summary>A string value (<c>GET</c>), or null if the key does not exist.</summary>
    public async Task<string?> GetAsync(string key, CancellationToken cancellationToken = default) =>
        (await SendAsync(["GET", key], cancellationToken)).AsString();

    /// <summary>A binary value (<c>GET</c>), or null if the key does not exist.</summary>
    public async Task<byte[]?> GetBytesAsync(string key, CancellationToken cancellationToken = default) =>
        (await SendAsync(["GET", key], cancellationToken)).AsBytes();

    /// <summary>
    /// Sets a string value (<c>SET</c>), optionally with an expiry (<c>EX</c> for whole seconds, else <c>PX</c>)
    /// and a condition (<c>NX</c>/<c>XX</c>). False when the condition was not met.
    /// </summary>
    public Task<bool> SetAsync(string key, string value, TimeSpan? expiry = null, SetCondition condition = SetCondition.Always, CancellationToken cancellationToken = default) =>
        SetCoreAsync(key, value, expiry, condition, cancellationToken);

    /// <summary>Sets a binary value; see <see cref="SetAsync(string, string, TimeSpan?, SetCondition, CancellationToken)"/>.</summary>
    public Task<bool> SetAsync(string key, ReadOnlyMemory<byte> value, TimeSpan? expiry = null, SetCondition condition = SetCondition.Always, CancellationToken cancellationToken = default) =>
        SetCoreAsync(key, value, expiry, condition, cancellationToken);

    /// <summary>Adds <paramref name="increment"/> to an integer value (<c>INCR</c>/<c>INCRBY</c>; a missing key counts as 0) and returns the result.</summary>
    public async Task<long> IncrementAsync(string key, long increment = 1, CancellationToken cancellationToken = default)
    {
        RedisArgument[] command = increment == 1 ? ["INCR", key] : ["INCRBY", key, increment];
        return (await SendAsync(command, cancellationToken)).AsInt64();
    }

    private async Task<bool> SetCoreAsync(string key, RedisArgument value, TimeSpan? expiry, SetCondition condition, CancellationToken cancellationToken)
    {
        var arguments = new List<RedisArgument>(6) { "SET", key, value };
        if (expiry is { } ttl)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ttl, TimeSpan.Zero, nameof(expiry));
            if (IsWholeSeconds(ttl))
            {
                arguments.AddRange(["EX", (long)ttl.TotalSeconds]);
            }
            else
            {
                arguments.AddRange(["PX", (long)Math.Ceiling(ttl.TotalMilliseconds)]);
            }
        }

        switch (condition)
        {
            case SetCondition.IfNotExists:
                arguments.Add("NX");
                break;
            case SetCondition.IfExists:
                arguments.Add("XX");
                break;
            case SetCondition.Always:
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(condition), condition, "Unknown SET condition.");
        }

        // OK when written; a null reply when NX/XX was not met.
        return !(await SendAsync([.. arguments], cancellationToken)).IsNull;
    }
}
