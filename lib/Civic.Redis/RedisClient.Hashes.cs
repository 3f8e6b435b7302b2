using Civic.Redis.Protocol;

namespace Civic.Redis;

public sealed partial class RedisClient
{
    /// <summary>Sets one field of a hash (<c>HSET</c>); true if the field is new.</summary>
    public async Task<bool> HashSetAsync(string key, string field, string value, CancellationToken cancellationToken = default) =>
        (await SendAsync(["HSET", key, field, value], cancellationToken)).AsInt64() == 1;

    /// <summary>Sets several fields of a hash (<c>HSET</c>); returns how many are new.</summary>
    public async Task<long> HashSetAsync(string key, IEnumerable<KeyValuePair<string, string>> fields, CancellationToken cancellationToken = default)
    {
        var arguments = new List<RedisArgument> { "HSET", key };
        foreach (var (field, value) in fields)
        {
            arguments.Add(field);
            arguments.Add(value);
        }

        if (arguments.Count == 2)
        {
            throw new ArgumentException("HSET needs at least one field.", nameof(fields));
        }

        return (await SendAsync([.. arguments], cancellationToken)).AsInt64();
    }

    /// <summary>One field of a hash (<c>HGET</c>), or null.</summary>
    public async Task<string?> HashGetAsync(string key, string field, CancellationToken cancellationToken = default) =>
        (await SendAsync(["HGET", key, field], cancellationToken)).AsString();

    /// <summary>Every field of a hash (<c>HGETALL</c>: an array in RESP2, a map in RESP3); empty if the key does not exist.</summary>
    public async Task<IReadOnlyDictionary<string, string?>> HashGetAllAsync(string key, CancellationToken cancellationToken = default) =>
        (await SendAsync(["HGETALL", key], cancellationToken)).AsStringDictionary();

    /// <summary>Deletes one field of a hash (<c>HDEL</c>); true if it existed.</summary>
    public async Task<bool> HashDeleteAsync(string key, string field, CancellationToken cancellationToken = default) =>
        (await SendAsync(["HDEL", key, field], cancellationToken)).AsInt64() == 1;

    /// <summary>Deletes fields of a hash (<c>HDEL</c>); returns how many existed.</summary>
    public async Task<long> HashDeleteAsync(string key, IEnumerable<string> fields, CancellationToken cancellationToken = default)
    {
        var arguments = WithKeys("HDEL", fields.Prepend(key));
        if (arguments.Length == 2)
        {
            throw new ArgumentException("HDEL needs at least one field.", nameof(fields));
        }

        return (await SendAsync(arguments, cancellationToken)).AsInt64();
    }

    /// <summary>Adds to an integer field of a hash (<c>HINCRBY</c>) and returns the result.</summary>
    public async Task<long> HashIncrementAsync(string key, string field, long increment = 1, CancellationToken cancellationToken = default) =>
        (await SendAsync(["HINCRBY", key, field, increment], cancellationToken)).AsInt64();
}
