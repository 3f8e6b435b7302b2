using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Civic.Hosting.Errors;

namespace Civic.Network.Search;

/// <summary>
/// Where the next page starts: after the hit with <paramref name="ScoreKey"/> and <paramref name="Id"/>, with
/// text ranks scaled by <paramref name="TextScale"/> as on the first page (see <see cref="SearchRanking.Rank"/>).
/// </summary>
public sealed record SearchPosition(long ScoreKey, string Id, double TextScale);

/// <summary>
/// A keyset page token: the <see cref="SearchPosition"/> of the last person on the page, and a fingerprint of
/// the search it belongs to. The next page starts after that position, so people edited, added or
/// removed meanwhile do not shift the others (an offset would repeat or skip them).
/// </summary>
public static class SearchCursor
{
    // 2: the text scale joined the position; a token of version 1 is refused like any damaged one.
    private const byte Version = 2;
    private const int FingerprintLength = 8;
    private const int HeaderLength = 1 + sizeof(long) + sizeof(double) + FingerprintLength;

    public static string Encode(SearchPosition position, string scope)
    {
        var idBytes = Encoding.UTF8.GetBytes(position.Id);
        var bytes = new byte[HeaderLength + idBytes.Length];
        bytes[0] = Version;
        BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(1), position.ScoreKey);
        BinaryPrimitives.WriteDoubleBigEndian(bytes.AsSpan(1 + sizeof(long)), position.TextScale);
        Fingerprint(scope).CopyTo(bytes, 1 + sizeof(long) + sizeof(double));
        idBytes.CopyTo(bytes, HeaderLength);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>The position a token continues after; null for the first page.</summary>
    /// <exception cref="ValidationException">The token is damaged or belongs to another search.</exception>
    public static SearchPosition? Decode(string? token, string scope, string field = "page.page_token")
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        var base64 = token.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        var bytes = new byte[base64.Length];
        if (token.Length <= 1024
            && Convert.TryFromBase64String(base64, bytes, out var written)
            && written > HeaderLength
            && bytes[0] == Version
            && bytes.AsSpan(1 + sizeof(long) + sizeof(double), FingerprintLength).SequenceEqual(Fingerprint(scope))
            && BinaryPrimitives.ReadDoubleBigEndian(bytes.AsSpan(1 + sizeof(long))) is var scale && double.IsFinite(scale) && scale >= 0)
        {
            return new SearchPosition(BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(1)), Encoding.UTF8.GetString(bytes, HeaderLength, written - HeaderLength), scale);
        }

        throw new ValidationException(field,
            "The page token is not valid for this list. Pass the next_page_token of the previous page unchanged, or leave it empty for the first page.",
            "Sidemarkøren passer ikke til denne liste. Brug next_page_token fra den forrige side uændret, eller lad feltet være tomt for at få den første side.");
    }

    /// <summary>Whether <paramref name="hit"/> comes after the cursor position in the ranking's order (score down, id up).</summary>
    public static bool IsAfter(SearchHit hit, SearchPosition position) =>
        hit.ScoreKey < position.ScoreKey
        || (hit.ScoreKey == position.ScoreKey && string.CompareOrdinal(hit.Person.Id, position.Id) > 0);

    private static byte[] Fingerprint(string scope) => SHA256.HashData(Encoding.UTF8.GetBytes(scope))[..FingerprintLength];
}
