using System.Buffers;
using Civic.Redis.Protocol;

namespace Civic.Redis.Tests.Protocol;

/// <summary>
/// Feeds bytes to a <see cref="RespParser"/> the way a pipe does: chunks arrive one by one, each
/// becomes a segment of a multi-segment sequence, and what the parser did not consume stays for the
/// next read.
/// </summary>
public sealed class ChunkedInput
{
    private readonly RespParser _parser = new();
    private readonly List<byte[]> _pending = [];
    private int _offsetInFirst;

    public int Depth => _parser.Depth;

    public int Unconsumed => _pending.Sum(chunk => chunk.Length) - _offsetInFirst;

    /// <summary>Adds a chunk and returns every reply it completed.</summary>
    public List<RedisReply> Feed(ReadOnlySpan<byte> chunk)
    {
        if (!chunk.IsEmpty)
        {
            _pending.Add(chunk.ToArray());
        }

        var sequence = Build();
        var reader = new SequenceReader<byte>(sequence);
        var replies = new List<RedisReply>();
        while (_parser.TryRead(ref reader, out var reply))
        {
            replies.Add(reply);
        }

        Drop(reader.Consumed);
        return replies;
    }

    public static List<RedisReply> ParseAll(string resp) => new ChunkedInput().Feed(System.Text.Encoding.UTF8.GetBytes(resp));

    private ReadOnlySequence<byte> Build()
    {
        if (_pending.Count == 0)
        {
            return ReadOnlySequence<byte>.Empty;
        }

        var first = new Segment(_pending[0].AsMemory(_offsetInFirst), 0);
        var last = first;
        for (var i = 1; i < _pending.Count; i++)
        {
            last = last.Append(_pending[i]);
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private void Drop(long consumed)
    {
        while (consumed > 0)
        {
            var available = _pending[0].Length - _offsetInFirst;
            if (consumed >= available)
            {
                consumed -= available;
                _pending.RemoveAt(0);
                _offsetInFirst = 0;
            }
            else
            {
                _offsetInFirst += (int)consumed;
                consumed = 0;
            }
        }
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
