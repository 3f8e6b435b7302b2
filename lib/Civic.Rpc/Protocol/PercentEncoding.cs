using System.Text;

namespace Civic.Rpc.Protocol;

/// <summary>
/// grpc-message is UTF-8, percent-encoded: every byte outside printable ASCII, and '%' itself,
/// becomes %XX. Decoding is lenient, as the specification asks: a malformed escape is kept as is.
/// </summary>
internal static class PercentEncoding
{
    /// <summary>
    /// Encodes <paramref name="value"/>, cutting it at a character boundary (and marking the cut with
    /// "...") so the result is at most <paramref name="maxEncodedLength"/> characters: clients refuse
    /// header blocks over a few KiB (grpc core: 8 KiB) and would lose the status altogether.
    /// </summary>
    public static string Encode(string value, int maxEncodedLength = int.MaxValue)
    {
        if (!NeedsEncoding(value) && value.Length <= maxEncodedLength)
        {
            return value;
        }

        const string Ellipsis = "...";
        var builder = new StringBuilder(Math.Min(value.Length * 3, maxEncodedLength));
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in value.EnumerateRunes())
        {
            var length = rune.EncodeToUtf8(utf8);
            var encodedLength = 0;
            for (var i = 0; i < length; i++)
            {
                encodedLength += IsPlain(utf8[i]) ? 1 : 3;
            }

            if (builder.Length + encodedLength > maxEncodedLength - Ellipsis.Length)
            {
                return builder.Append(Ellipsis).ToString();
            }

            for (var i = 0; i < length; i++)
            {
                var b = utf8[i];
                if (IsPlain(b))
                {
                    builder.Append((char)b);
                }
                else
                {
                    builder.Append('%').Append(Convert.ToHexString([b]));
                }
            }
        }

        return builder.ToString();
    }

    private static bool IsPlain(byte b) => b is >= 0x20 and <= 0x7E and not (byte)'%';

    public static string Decode(string value)
    {
        if (!value.Contains('%', StringComparison.Ordinal))
        {
            return value;
        }

        var bytes = new List<byte>(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '%' && i + 2 < value.Length && IsHex(value[i + 1]) && IsHex(value[i + 2]))
            {
                bytes.Add(Convert.ToByte(value.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
            }
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static bool NeedsEncoding(string value)
    {
        foreach (var c in value)
        {
            if (c is < ' ' or > '~' or '%')
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);
}
