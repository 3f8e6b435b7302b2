using System.Collections;

namespace Civic.Rpc;

/// <summary>
/// gRPC metadata: an ordered list of key/value pairs carried as HTTP/2 headers or trailers.
/// Keys are lower-case; a key ending in <c>-bin</c> carries bytes (base64 on the wire), any
/// other key carries printable ASCII text.
/// </summary>
public sealed class Metadata : IReadOnlyList<Metadata.Entry>
{
    /// <summary>The suffix that marks a binary entry.</summary>
    public const string BinarySuffix = "-bin";

    private readonly List<Entry> _entries = [];

    public int Count => _entries.Count;

    public Entry this[int index] => _entries[index];

    /// <summary>Adds a text entry.</summary>
    public void Add(string key, string value)
    {
        var normalized = NormalizeKey(key);
        if (IsBinaryKey(normalized))
        {
            throw new ArgumentException($"Metadata key '{key}' ends in '-bin' and so must carry bytes, not text.", nameof(key));
        }

        foreach (var c in value)
        {
            if (c is < ' ' or > '~')
            {
                throw new ArgumentException($"Metadata value for '{key}' must be printable ASCII; use a '-bin' key for other data.", nameof(value));
            }
        }

        _entries.Add(new Entry(normalized, value, null));
    }

    /// <summary>Adds a binary entry; the key must end in <c>-bin</c>.</summary>
    public void Add(string key, byte[] value)
    {
        var normalized = NormalizeKey(key);
        if (!IsBinaryKey(normalized))
        {
            throw new ArgumentException($"Metadata key '{key}' carries bytes and so must end in '-bin'.", nameof(key));
        }

        _entries.Add(new Entry(normalized, null, value));
    }

    /// <summary>The last entry with this key, or null.</summary>
    public Entry? Get(string key)
    {
        for (var i = _entries.Count - 1; i >= 0; i--)
        {
            if (string.Equals(_entries[i].Key, key, StringComparison.OrdinalIgnoreCase))
            {
                return _entries[i];
            }
        }

        return null;
    }

    /// <summary>The text value of the last entry with this key, or null.</summary>
    public string? GetValue(string key) => Get(key)?.Value;

    /// <summary>The bytes of the last binary entry with this key, or null.</summary>
    public byte[]? GetValueBytes(string key) => Get(key)?.ValueBytes;

    public IEnumerator<Entry> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal void AddParsed(string key, string value)
    {
        if (IsBinaryKey(key))
        {
            _entries.Add(new Entry(key, null, Base64.Decode(value)));
        }
        else
        {
            _entries.Add(new Entry(key, value, null));
        }
    }

    internal static bool IsBinaryKey(string key) => key.EndsWith(BinarySuffix, StringComparison.Ordinal);

    private static string NormalizeKey(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var lower = key.ToLowerInvariant();
        foreach (var c in lower)
        {
            if (!(c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_' or '.'))
            {
                throw new ArgumentException($"Metadata key '{key}' may hold only letters, digits, '-', '_' and '.'.", nameof(key));
            }
        }

        if (lower.StartsWith("grpc-", StringComparison.Ordinal))
        {
            throw new ArgumentException($"Metadata key '{key}' is reserved: keys starting with 'grpc-' belong to the protocol.", nameof(key));
        }

        return lower;
    }

    /// <summary>One metadata entry: text (<see cref="Value"/>) or bytes (<see cref="ValueBytes"/>).</summary>
    public sealed record Entry(string Key, string? Value, byte[]? ValueBytes)
    {
        public bool IsBinary => ValueBytes is not null;

        /// <summary>The value as it goes on the wire (base64 for binary entries, unpadded).</summary>
        internal string WireValue => ValueBytes is null ? Value! : Base64.Encode(ValueBytes);
    }

    /// <summary>gRPC sends binary headers base64-encoded without padding but must accept both.</summary>
    private static class Base64
    {
        public static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=');

        public static byte[] Decode(string text)
        {
            var padding = (4 - (text.Length % 4)) % 4;
            return Convert.FromBase64String(padding == 0 ? text : text + new string('=', padding));
        }
    }
}
