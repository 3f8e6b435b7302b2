using System.Globalization;
using System.Numerics;
using System.Text;
using Civic.Redis.Protocol;

namespace Civic.Redis;

/// <summary>
/// One reply from Redis, in any RESP2 or RESP3 type. Scalars carry their value; aggregates carry
/// their elements (a map's elements are its keys and values, alternating, as RESP2 sends them).
/// The <c>As…</c> methods convert where Redis itself would (a bulk string "42" reads as 42) and throw
/// <see cref="InvalidCastException"/> otherwise.
/// </summary>
public sealed class RedisReply
{
    private static readonly RedisReply[] NoElements = [];
    private readonly byte[]? _bytes;
    private readonly long _integer;
    private readonly double _double;
    private readonly RedisReply[] _elements;

    private RedisReply(RedisReplyType type, byte[]? bytes = null, long integer = 0, double number = 0, RedisReply[]? elements = null)
    {
        Type = type;
        _bytes = bytes;
        _integer = integer;
        _double = number;
        _elements = elements ?? NoElements;
    }

    /// <summary>The null reply.</summary>
    public static RedisReply Null { get; } = new(RedisReplyType.Null);

    /// <summary>The reply's type.</summary>
    public RedisReplyType Type { get; }

    /// <summary>True for the null reply (RESP3 null, RESP2 null bulk string or null array).</summary>
    public bool IsNull => Type == RedisReplyType.Null;

    /// <summary>True for an error reply.</summary>
    public bool IsError => Type == RedisReplyType.Error;

    /// <summary>True for arrays, maps, sets and pushes.</summary>
    public bool IsAggregate => Type is RedisReplyType.Array or RedisReplyType.Map or RedisReplyType.Set or RedisReplyType.Push;

    /// <summary>
    /// The elements of an aggregate; for a map, keys and values alternate. Empty for scalars.
    /// </summary>
    public IReadOnlyList<RedisReply> Elements => _elements;

    /// <summary>The format of a verbatim string (<c>txt</c>, <c>mkd</c>), otherwise null.</summary>
    public string? VerbatimFormat => Type == RedisReplyType.VerbatimString && _bytes is { Length: >= 4 }
        ? Encoding.ASCII.GetString(_bytes, 0, 3)
        : null;

    /// <summary>The text of an error reply, otherwise null.</summary>
    public string? ErrorMessage => IsError ? Encoding.UTF8.GetString(_bytes!) : null;

    internal static RedisReply SimpleString(byte[] value) => new(RedisReplyType.SimpleString, value);

    internal static RedisReply Error(byte[] message) => new(RedisReplyType.Error, message);

    internal static RedisReply Integer(long value) => new(RedisReplyType.Integer, integer: value);

    internal static RedisReply BulkString(byte[] value) => new(RedisReplyType.BulkString, value);

    internal static RedisReply Boolean(bool value) => new(RedisReplyType.Boolean, integer: value ? 1 : 0);

    internal static RedisReply Double(double value) => new(RedisReplyType.Double, number: value);

    internal static RedisReply BigNumber(byte[] digits) => new(RedisReplyType.BigNumber, digits);

    internal static RedisReply Verbatim(byte[] formatAndText) => new(RedisReplyType.VerbatimString, formatAndText);

    internal static RedisReply Aggregate(RedisReplyType type, RedisReply[] elements) => new(type, elements: elements);

    /// <summary>The reply as text (UTF-8), or null for the null reply.</summary>
    public string? AsString() => Type switch
    {
        RedisReplyType.Null => null,
        RedisReplyType.SimpleString or RedisReplyType.BulkString or RedisReplyType.Error or RedisReplyType.BigNumber
            => Encoding.UTF8.GetString(_bytes!),
        RedisReplyType.VerbatimString => _bytes!.Length >= 4 ? Encoding.UTF8.GetString(_bytes, 4, _bytes.Length - 4) : string.Empty,
        RedisReplyType.Integer => _integer.ToString(CultureInfo.InvariantCulture),
        RedisReplyType.Double => FormatDouble(_double),
        RedisReplyType.Boolean => _integer != 0 ? "true" : "false",
        _ => throw Mismatch("a string"),
    };

    /// <summary>The reply's bytes, or null for the null reply.</summary>
    public byte[]? AsBytes() => Type switch
    {
        RedisReplyType.Null => null,
        RedisReplyType.SimpleString or RedisReplyType.BulkString or RedisReplyType.BigNumber => _bytes,
        RedisReplyType.VerbatimString => _bytes!.Length >= 4 ? _bytes[4..] : [],
        RedisReplyType.Integer or RedisReplyType.Double or RedisReplyType.Boolean => Encoding.UTF8.GetBytes(AsString()!),
        _ => throw Mismatch("bytes"),
    };

    /// <summary>The reply as a 64-bit integer.</summary>
    public long AsInt64() => Type switch
    {
        RedisReplyType.Integer or RedisReplyType.Boolean => _integer,
        RedisReplyType.Double when _double == Math.Floor(_double) && Math.Abs(_double) < 9.2e18 => (long)_double,
        RedisReplyType.SimpleString or RedisReplyType.BulkString or RedisReplyType.BigNumber
            when long.TryParse(_bytes, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => throw Mismatch("an integer"),
    };

    /// <summary>The reply as a double.</summary>
    public double AsDouble() => Type switch
    {
        RedisReplyType.Double => _double,
        RedisReplyType.Integer => _integer,
        RedisReplyType.SimpleString or RedisReplyType.BulkString or RedisReplyType.BigNumber
            when RespNumbers.TryParseDouble(_bytes, out var parsed) => parsed,
        _ => throw Mismatch("a double"),
    };

    /// <summary>The reply as a boolean: a RESP3 boolean, or the integers 1 and 0 RESP2 uses for one.</summary>
    public bool AsBoolean() => Type switch
    {
        RedisReplyType.Boolean => _integer != 0,
        RedisReplyType.Integer when _integer is 0 or 1 => _integer == 1,
        _ => throw Mismatch("a boolean"),
    };

    /// <summary>The reply as an integer of any size.</summary>
    public BigInteger AsBigInteger() => Type switch
    {
        RedisReplyType.Integer => _integer,
        RedisReplyType.BigNumber or RedisReplyType.BulkString or RedisReplyType.SimpleString
            when BigInteger.TryParse(Encoding.ASCII.GetString(_bytes!), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => throw Mismatch("a big number"),
    };

    /// <summary>
    /// A RESP3 map, or a RESP2 array of alternating keys and values (as <c>HGETALL</c> sends in RESP2),
    /// as a dictionary of strings. Later duplicates win.
    /// </summary>
    public IReadOnlyDictionary<string, string?> AsStringDictionary()
    {
        if (IsNull)
        {
            return new Dictionary<string, string?>();
        }

        if (Type is not (RedisReplyType.Map or RedisReplyType.Array) || _elements.Length % 2 != 0)
        {
            throw Mismatch("a map");
        }

        var result = new Dictionary<string, string?>(_elements.Length / 2, StringComparer.Ordinal);
        for (var i = 0; i < _elements.Length; i += 2)
        {
            result[_elements[i].AsString() ?? string.Empty] = _elements[i + 1].AsString();
        }

        return result;
    }

    /// <summary>A readable rendering for diagnostics and tests (values included: do not log replies that may hold secrets).</summary>
    public override string ToString()
    {
        var builder = new StringBuilder();
        Render(builder);
        return builder.ToString();
    }

    private void Render(StringBuilder builder)
    {
        switch (Type)
        {
            case RedisReplyType.Null:
                builder.Append("(null)");
                break;
            case RedisReplyType.Error:
                builder.Append("(error ").Append(ErrorMessage).Append(')');
                break;
            case RedisReplyType.SimpleString:
                builder.Append('+').Append(AsString());
                break;
            case RedisReplyType.BulkString:
                builder.Append('"').Append(AsString()).Append('"');
                break;
            case RedisReplyType.VerbatimString:
                builder.Append("(verbatim ").Append(VerbatimFormat).Append(' ').Append(AsString()).Append(')');
                break;
            case RedisReplyType.Integer:
            case RedisReplyType.Double:
            case RedisReplyType.Boolean:
            case RedisReplyType.BigNumber:
                builder.Append('(').Append(Type.ToString().ToLowerInvariant()).Append(' ').Append(AsString()).Append(')');
                break;
            default:
                builder.Append(Type.ToString().ToLowerInvariant()).Append('[');
                for (var i = 0; i < _elements.Length; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(Type == RedisReplyType.Map && i % 2 == 1 ? " => " : ", ");
                    }

                    _elements[i].Render(builder);
                }

                builder.Append(']');
                break;
        }
    }

    private static string FormatDouble(double value) => value switch
    {
        double.PositiveInfinity => "inf",
        double.NegativeInfinity => "-inf",
        double.NaN => "nan",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    private InvalidCastException Mismatch(string wanted) =>
        new($"Expected {wanted} reply from Redis but got {(IsError ? $"the error '{ErrorMessage}'" : Type.ToString())}.");
}
