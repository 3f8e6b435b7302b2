using System.Buffers;
using System.Diagnostics.CodeAnalysis;

namespace Civic.Redis.Protocol;

/// <summary>
/// An incremental RESP2/RESP3 parser. It keeps the aggregates it has started across calls, so each
/// complete element is consumed once however the bytes are split: a million-element array arriving
/// in small reads is parsed in linear time. An element that is not complete yet is left unread.
/// One instance per connection; not thread-safe.
/// </summary>
internal sealed class RespParser
{
    // Bounds that protect the client from a broken or hostile peer: Redis' own limits are a
    // 512 MB bulk string and, in practice, a nesting depth far below this.
    internal const long MaxBulkLength = 512L * 1024 * 1024;
    internal const int MaxDepth = 128;
    internal const int MaxLineLength = 64 * 1024;

    private static ReadOnlySpan<byte> CrLf => "\r\n"u8;

    private readonly List<Frame> _frames = [];

    /// <summary>How deep the parser is inside unfinished aggregates (0 between replies).</summary>
    public int Depth => _frames.Count;

    /// <summary>
    /// Reads elements from <paramref name="reader"/> until a whole top-level reply is complete.
    /// Returns false when the bytes run out first; everything complete so far is consumed and kept.
    /// </summary>
    /// <exception cref="RedisProtocolException">The bytes are not valid RESP.</exception>
    public bool TryRead(ref SequenceReader<byte> reader, [NotNullWhen(true)] out RedisReply? reply)
    {
        while (TryReadElement(ref reader, out var value))
        {
            while (value is not null)
            {
                if (_frames.Count == 0)
                {
                    reply = value;
                    return true;
                }

                var frame = _frames[^1];
                frame.Items.Add(value);
                if (frame.Items.Count < frame.Expected)
                {
                    break;
                }

                _frames.RemoveAt(_frames.Count - 1);
                // Attributes (RESP3 '|') annotate the reply that follows; nothing here uses them, so they are dropped.
                value = frame.IsAttribute ? null : RedisReply.Aggregate(frame.Type, [.. frame.Items]);
            }
        }

        reply = null;
        return false;
    }

    /// <summary>
    /// Reads one element. Returns false (and consumes nothing) when it is incomplete. On true,
    /// <paramref name="value"/> is the finished scalar or empty aggregate, or null when an aggregate
    /// was opened (its elements follow) or an empty attribute was skipped.
    /// </summary>
    private bool TryReadElement(ref SequenceReader<byte> reader, out RedisReply? value)
    {
        value = null;
        var start = reader;
        if (!reader.TryRead(out var prefix))
        {
            return false;
        }

        if (!reader.TryReadTo(out ReadOnlySequence<byte> lineSequence, CrLf))
        {
            if (reader.Remaining > MaxLineLength)
            {
                throw new RedisProtocolException($"A RESP line is longer than {MaxLineLength} bytes.");
            }

            reader = start;
            return false;
        }

        var line = lineSequence.IsSingleSegment ? lineSequence.FirstSpan : lineSequence.ToArray();
        switch (prefix)
        {
            case (byte)'+':
                value = RedisReply.SimpleString(line.ToArray());
                return true;
            case (byte)'-':
                value = RedisReply.Error(line.ToArray());
                return true;
            case (byte)':':
                value = RedisReply.Integer(ParseInteger(line, "integer"));
                return true;
            case (byte)',':
                value = RespNumbers.TryParseDouble(line, out var number)
                    ? RedisReply.Double(number)
                    : throw new RedisProtocolException("A RESP3 double is not a number.");
                return true;
            case (byte)'#':
                value = line.Length == 1 && line[0] is (byte)'t' or (byte)'f'
                    ? RedisReply.Boolean(line[0] == (byte)'t')
                    : throw new RedisProtocolException("A RESP3 boolean is neither 't' nor 'f'.");
                return true;
            case (byte)'(':
                value = IsBigNumber(line)
                    ? RedisReply.BigNumber(line.ToArray())
                    : throw new RedisProtocolException("A RESP3 big number has characters other than digits.");
                return true;
            case (byte)'_':
                value = line.IsEmpty ? RedisReply.Null : throw new RedisProtocolException("A RESP3 null carries data.");
                return true;
            case (byte)'$':
            case (byte)'!':
            case (byte)'=':
                return TryReadBlob(ref reader, start, prefix, line, out value);
            case (byte)'*':
                return OpenAggregate(RedisReplyType.Array, line, allowNull: true, isAttribute: false, out value);
            case (byte)'%':
                return OpenAggregate(RedisReplyType.Map, line, allowNull: false, isAttribute: false, out value);
            case (byte)'~':
                return OpenAggregate(RedisReplyType.Set, line, allowNull: false, isAttribute: false, out value);
            case (byte)'>':
                return OpenAggregate(RedisReplyType.Push, line, allowNull: false, isAttribute: false, out value);
            case (byte)'|':
                return OpenAggregate(RedisReplyType.Map, line, allowNull: false, isAttribute: true, out value);
            default:
                throw new RedisProtocolException($"Unknown RESP type byte 0x{prefix:x2}.");
        }
    }

    private static bool TryReadBlob(ref SequenceReader<byte> reader, SequenceReader<byte> start, byte prefix, ReadOnlySpan<byte> line, out RedisReply? value)
    {
        value = null;
        var length = ParseInteger(line, "length");
        if (length == -1 && prefix == (byte)'$')
        {
            value = RedisReply.Null;
            return true;
        }

        if (length < 0 || length > MaxBulkLength)
        {
            throw new RedisProtocolException($"A RESP string length of {length} is out of range.");
        }

        if (reader.Remaining < length + 2)
        {
            reader = start;
            return false;
        }

        var payload = reader.UnreadSequence.Slice(0, length).ToArray();
        reader.Advance(length);
        if (!reader.IsNext(CrLf, advancePast: true))
        {
            throw new RedisProtocolException("A RESP string is not followed by CRLF.");
        }

        if (prefix == (byte)'=' && (payload.Length < 4 || payload[3] != (byte)':'))
        {
            throw new RedisProtocolException("A RESP3 verbatim string lacks its 'fmt:' prefix.");
        }

        value = prefix switch
        {
            (byte)'!' => RedisReply.Error(payload),
            (byte)'=' => RedisReply.Verbatim(payload),
            _ => RedisReply.BulkString(payload),
        };
        return true;
    }

    private bool OpenAggregate(RedisReplyType type, ReadOnlySpan<byte> line, bool allowNull, bool isAttribute, out RedisReply? value)
    {
        value = null;
        if (line.Length == 1 && line[0] == (byte)'?')
        {
            throw new RedisProtocolException("Streamed RESP3 aggregates are not supported (Redis does not send them).");
        }

        var count = ParseInteger(line, "count");
        if (count == -1 && allowNull)
        {
            value = RedisReply.Null;
            return true;
        }

        var expected = type == RedisReplyType.Map ? count * 2 : count;
        if (count < 0 || expected > int.MaxValue)
        {
            throw new RedisProtocolException($"A RESP aggregate count of {count} is out of range.");
        }

        if (expected == 0)
        {
            value = isAttribute ? null : RedisReply.Aggregate(type, []);
            return true;
        }

        if (_frames.Count >= MaxDepth)
        {
            throw new RedisProtocolException($"RESP aggregates are nested deeper than {MaxDepth}.");
        }

        _frames.Add(new Frame(type, (int)expected, isAttribute));
        return true;
    }

    private static long ParseInteger(ReadOnlySpan<byte> line, string what) =>
        RespNumbers.TryParseInt64(line, out var value)
            ? value
            : throw new RedisProtocolException($"A RESP {what} is not a valid integer.");

    private static bool IsBigNumber(ReadOnlySpan<byte> line)
    {
        var digits = line.Length > 0 && line[0] is (byte)'-' or (byte)'+' ? line[1..] : line;
        return !digits.IsEmpty && !digits.ContainsAnyExceptInRange((byte)'0', (byte)'9');
    }

    private sealed class Frame(RedisReplyType type, int expected, bool isAttribute)
    {
        public RedisReplyType Type { get; } = type;

        public int Expected { get; } = expected;

        public bool IsAttribute { get; } = isAttribute;

        // Capacity is capped so that a peer announcing a huge count cannot make us allocate it up front.
        public List<RedisReply> Items { get; } = new(Math.Min(expected, 1024));
    }
}
