using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Civic.Defaults.Auth;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Civic.Panel.Pool;

/// <summary>
/// Tokens of member and confirmation links: "&lt;expiry in Unix seconds&gt;.&lt;HMAC-SHA256&gt;" over the purpose,
/// the member id and the expiry under a server key. A forged or altered token fails the signature before
/// the database is asked; the database keeps only a SHA-256 hash of each issued token, so a copy of it
/// opens nothing, and deleting the row revokes the link.
/// </summary>
public sealed class MemberLinkTokens
{
    private readonly byte[] _key;

    public MemberLinkTokens(IOptions<PoolOptions> pool, IOptions<AuthOptions> auth)
    {
        var key = string.IsNullOrWhiteSpace(pool.Value.LinkKey) ? auth.Value.SigningKey : pool.Value.LinkKey;
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new InvalidOperationException($"Set {PoolOptions.SectionName}:{nameof(PoolOptions.LinkKey)} (base64, at least 32 bytes) for member links.");
        }

        _key = Convert.FromBase64String(key);
        if (_key.Length < 32)
        {
            throw new InvalidOperationException($"{PoolOptions.SectionName}:{nameof(PoolOptions.LinkKey)} must hold at least 32 bytes.");
        }
    }

    /// <summary>The token for <paramref name="memberId"/>; <paramref name="expiresAt"/> is kept to whole seconds.</summary>
    public string TokenFor(string memberId, MemberLinkPurpose purpose, DateTimeOffset expiresAt)
    {
        var seconds = expiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return seconds + "." + WebEncoders.Base64UrlEncode(Mac(memberId, purpose, seconds));
    }

    /// <summary>The expiry of a token this server signed for <paramref name="memberId"/> and <paramref name="purpose"/>; null for anything else.</summary>
    public DateTimeOffset? VerifiedExpiry(string memberId, MemberLinkPurpose purpose, string token)
    {
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || !long.TryParse(token.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > 253402300799)
        {
            return null;
        }

        byte[] signature;
        try
        {
            signature = WebEncoders.Base64UrlDecode(token[(dot + 1)..]);
        }
        catch (FormatException)
        {
            return null;
        }

        return CryptographicOperations.FixedTimeEquals(signature, Mac(memberId, purpose, token[..dot]))
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private byte[] Mac(string memberId, MemberLinkPurpose purpose, string seconds) =>
        HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"panel-{purpose}:{memberId}:{seconds}"));
}
