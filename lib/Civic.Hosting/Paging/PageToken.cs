using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Civic.Hosting.Paging;

/// <summary>
/// Opaque page tokens: a version, the offset where the next page starts, and a fingerprint of the
/// list's scope, in URL-safe base64. Clients must not build them; a token for another list, or a
/// damaged one, is refused.
/// </summary>
internal static class PageToken
{
    private const byte Version = 1;
    private const int FingerprintLength = 8;
    private const int Length = 1 + sizeof(int) + FingerprintLength;

    public static string Encode(int offset, string scope)
    {
        Span<byte> bytes = stackalloc byte[Length];
        bytes[0] = Version;
        BinaryPrimitives.WriteInt32BigEndian(bytes[1..], offset);
        Fingerprint(scope).CopyTo(bytes[(1 + sizeof(int))..]);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public static bool TryDecode(string token, string scope, out int offset)
    {
        offset = 0;
        var base64 = token.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        Span<byte> bytes = stackalloc byte[Length + 3];
        if (!Convert.TryFromBase64String(base64, bytes, out var written) || written != Length || bytes[0] != Version)
        {
            return false;
        }

        var decoded = BinaryPrimitives.ReadInt32BigEndian(bytes[1..]);
        if (decoded <= 0 || !bytes.Slice(1 + sizeof(int), FingerprintLength).SequenceEqual(Fingerprint(scope)))
        {
            return false;
        }

        offset = decoded;
        return true;
    }

    private static byte[] Fingerprint(string scope) =>
        SHA256.HashData(Encoding.UTF8.GetBytes(scope))[..FingerprintLength];
}
