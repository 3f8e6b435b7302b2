using System.Buffers.Binary;
using System.Text;

namespace Civic.Network.Search.InMemory;

/// <summary>
/// A tsvector in PostgreSQL's binary form, as tsvectorsend gives it (tsvector.c): an int32 lexeme count, then per lexeme
/// its null-terminated UTF-8 text, an int16 position count and that many int16 positions (weight in the top 2 bits,
/// position in the low 14), all big-endian. The index reads documents this way rather than as text or as
/// NpgsqlTsVector, so a profile's lexemes cost no objects but the few strings <see cref="LexemeStrings"/> has not seen.
/// </summary>
public ref struct TsVectorBinary
{
    private readonly ReadOnlySpan<byte> _data;
    private int _remaining;
    private int _offset;

    /// <summary>Starts reading <paramref name="data"/>; malformed data throws <see cref="FormatException"/>.</summary>
    public TsVectorBinary(ReadOnlySpan<byte> data)
    {
        _data = data;
        _remaining = data.Length < 4 ? throw Malformed("no lexeme count") : BinaryPrimitives.ReadInt32BigEndian(data);
        _offset = 4;
        // Each lexeme takes at least 4 bytes (a character, its terminator and the position count).
        if (_remaining < 0 || _remaining > (data.Length - 4) / 4)
        {
            throw Malformed($"a lexeme count of {_remaining} for {data.Length} bytes");
        }
    }

    /// <summary>The number of lexemes not read yet.</summary>
    public readonly int Remaining => _remaining;

    /// <summary>The next lexeme, or false after the last (when the data must also end).</summary>
    public bool TryRead(out Lexeme lexeme)
    {
        if (_remaining == 0)
        {
            lexeme = default;
            return _offset == _data.Length ? false : throw Malformed("bytes after the last lexeme");
        }

        var rest = _data[_offset..];
        var end = rest.IndexOf((byte)0);
        if (end <= 0)
        {
            throw Malformed(end == 0 ? "an empty lexeme" : "a lexeme without its terminating zero");
        }

        if (rest.Length < end + 3)
        {
            throw Malformed("no position count");
        }

        var count = BinaryPrimitives.ReadInt16BigEndian(rest[(end + 1)..]);
        var positions = end + 3;
        if (count < 0 || rest.Length < positions + (2 * count))
        {
            throw Malformed("positions past the end");
        }

        lexeme = new Lexeme(rest[..end], rest.Slice(positions, 2 * count));
        _offset += positions + (2 * count);
        _remaining--;
        return true;
    }

    private static FormatException Malformed(string what) => new($"A binary tsvector with {what}.");

    /// <summary>One lexeme: its UTF-8 text and its positions, each with its weight (3 = A … 0 = D, PostgreSQL's order).</summary>
    public readonly ref struct Lexeme(ReadOnlySpan<byte> utf8, ReadOnlySpan<byte> positions)
    {
        private readonly ReadOnlySpan<byte> _positions = positions;

        public ReadOnlySpan<byte> Utf8 { get; } = utf8;

        /// <summary>How many positions the lexeme has (0 for a stripped tsvector).</summary>
        public int Count => _positions.Length / 2;

        public int Position(int i) => Word(i) & 0x3FFF;

        public int Weight(int i) => Word(i) >> 14;

        private int Word(int i) => BinaryPrimitives.ReadUInt16BigEndian(_positions[(2 * i)..]);
    }
}

/// <summary>
/// One string per distinct lexeme for as long as it is kept (a build, or one catch-up): the many profiles that share a
/// lexeme share its string, and a lexeme seen before costs no allocation (looked up by its decoded characters).
/// </summary>
public sealed class LexemeStrings
{
    private readonly HashSet<string> _strings = new(StringComparer.Ordinal);

    public int Count => _strings.Count;

    public string Of(ReadOnlySpan<byte> utf8)
    {
        // PostgreSQL's lexemes are at most 2,046 bytes, so at most as many UTF-16 characters.
        Span<char> buffer = utf8.Length <= 256 ? stackalloc char[256] : new char[utf8.Length];
        var chars = buffer[..Encoding.UTF8.GetChars(utf8, buffer)];
        if (_strings.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(chars, out var known))
        {
            return known;
        }

        var text = new string(chars);
        _strings.Add(text);
        return text;
    }
}
