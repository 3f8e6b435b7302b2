using System.Security.Cryptography;
using System.Text;

namespace Civic.Redis;

/// <summary>
/// A Lua script run with <see cref="RedisClient.EvaluateAsync"/>: sent by its SHA-1 (<c>EVALSHA</c>)
/// so that the source crosses the network only when the server does not have it cached yet.
/// Create each script once (e.g. a static field) and reuse it.
/// </summary>
public sealed class RedisScript
{
    public RedisScript(string source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        Source = source;
#pragma warning disable CA5350 // Redis names scripts by their SHA-1; it is an identifier here, not a security measure.
        Sha1 = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(source)));
#pragma warning restore CA5350
    }

    /// <summary>The Lua source.</summary>
    public string Source { get; }

    /// <summary>The lowercase hex SHA-1 of the source, as <c>SCRIPT LOAD</c> returns it.</summary>
    public string Sha1 { get; }
}
