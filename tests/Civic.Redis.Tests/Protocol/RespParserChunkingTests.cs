using System.Globalization;
using System.Text;

namespace Civic.Redis.Tests.Protocol;

/// <summary>
/// Random replies of every type, encoded by an encoder written independently of the client, fed to
/// the parser in random splits: whatever the chunking, the same replies come out.
/// </summary>
public class RespParserChunkingTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void TryRead_RandomRepliesInRandomChunks_ParsesSameReplies(int seed)
    {
        var random = new Random(seed);
        var expected = Enumerable.Range(0, 60).Select(_ => RandomReply(random, depth: 0)).ToList();
        var bytes = expected.SelectMany(Encode).ToArray();

        for (var round = 0; round < 20; round++)
        {
            var input = new ChunkedInput();
            var actual = new List<Expected>();
            var position = 0;
            while (position < bytes.Length)
            {
                // Mostly tiny chunks (splitting every token), sometimes large ones.
                var size = random.Next(4) == 0 ? random.Next(1, 200) : random.Next(1, 6);
                size = Math.Min(size, bytes.Length - position);
                actual.AddRange(input.Feed(bytes.AsSpan(position, size)).Select(Expected.From));
                position += size;
            }

            Assert.Equal(expected.Count, actual.Count);
            for (var i = 0; i < expected.Count; i++)
            {
                Assert.Equal(expected[i].ToString(), actual[i].ToString());
            }

            Assert.Equal(0, input.Unconsumed);
            Assert.Equal(0, input.Depth);
        }
    }

    [Fact]
    public void TryRead_EveryByteSeparately_ParsesSameReplies()
    {
        var random = new Random(42);
        var expected = Enumerable.Range(0, 30).Select(_ => RandomReply(random, depth: 0)).ToList();
        var bytes = expected.SelectMany(Encode).ToArray();
        var input = new ChunkedInput();
        var actual = new List<Expected>();
        foreach (var b in bytes)
        {
            actual.AddRange(input.Feed([b]).Select(Expected.From));
        }

        Assert.Equal(expected.Select(e => e.ToString()), actual.Select(a => a.ToString()));
    }

    private static Expected RandomReply(Random random, int depth)
    {
        var kind = random.Next(depth >= 3 ? 10 : 15);
        return kind switch
        {
            0 => new Expected("simple", Text: RandomText(random, allowCrLf: false)),
            1 => new Expected("error", Text: "ERR " + RandomText(random, allowCrLf: false)),
            2 => new Expected("integer", Text: random.NextInt64(long.MinValue, long.MaxValue).ToString(CultureInfo.InvariantCulture)),
            3 => new Expected("bulk", Bytes: RandomBytes(random)),
            4 => new Expected("null", Text: random.Next(3) switch { 0 => "_", 1 => "$-1", _ => "*-1" }),
            5 => new Expected("boolean", Text: random.Next(2) == 0 ? "true" : "false"),
            6 => new Expected("double", Text: (random.NextDouble() * 1e6 - 5e5).ToString("R", CultureInfo.InvariantCulture)),
            7 => new Expected("bignumber", Text: "-" + string.Concat(Enumerable.Range(0, 40).Select(_ => random.Next(10)))),
            8 => new Expected("verbatim", Bytes: RandomBytes(random)),
            9 => new Expected("bloberror", Bytes: Encoding.UTF8.GetBytes("ERR " + RandomText(random, allowCrLf: true))),
            10 => Aggregate("array", random, depth, random.Next(0, 5)),
            11 => Aggregate("map", random, depth, random.Next(0, 3) * 2),
            12 => Aggregate("set", random, depth, random.Next(0, 5)),
            13 => Aggregate("push", random, depth, random.Next(1, 5)),
            _ => new Expected("attributed", Children: [RandomReply(random, depth + 1)]),
        };
    }

    private static Expected Aggregate(string kind, Random random, int depth, int count) =>
        new(kind, Children: Enumerable.Range(0, count).Select(_ => RandomReply(random, depth + 1)).ToList());

    private static string RandomText(Random random, bool allowCrLf)
    {
        const string plain = "abcdefghijklmnopqrstuvwxyzæøå ABC0123456789-_:";
        var alphabet = allowCrLf ? plain + "\r\n" : plain;
        return new string(Enumerable.Range(0, random.Next(0, 30)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
    }

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(0, random.Next(4) == 0 ? 3000 : 40)];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>Encodes a reply in RESP, independently of the code under test.</summary>
    private static byte[] Encode(Expected reply)
    {
        var output = new MemoryStream();
        void Line(string prefix, string text) => output.Write(Encoding.UTF8.GetBytes($"{prefix}{text}\r\n"));
        void Blob(string prefix, byte[] bytes)
        {
            Line(prefix, bytes.Length.ToString(CultureInfo.InvariantCulture));
            output.Write(bytes);
            output.Write("\r\n"u8);
        }

        switch (reply.Kind)
        {
            case "simple": Line("+", reply.Text!); break;
            case "error": Line("-", reply.Text!); break;
            case "integer": Line(":", reply.Text!); break;
            case "bulk": Blob("$", reply.Bytes!); break;
            case "null": Line(reply.Text!, string.Empty); break;
            case "boolean": Line("#", reply.Text == "true" ? "t" : "f"); break;
            case "double": Line(",", reply.Text!); break;
            case "bignumber": Line("(", reply.Text!); break;
            case "verbatim": Blob("=", [.. "txt:"u8, .. reply.Bytes!]); break;
            case "bloberror": Blob("!", reply.Bytes!); break;
            case "attributed":
                // An attribute (a map) before the value, which the parser must skip.
                Line("|", "1");
                Line("+", "ttl");
                Line(":", "3600");
                output.Write(Encode(reply.Children![0]));
                break;
            default:
                var prefix = reply.Kind switch { "array" => "*", "map" => "%", "set" => "~", _ => ">" };
                var count = reply.Kind == "map" ? reply.Children!.Count / 2 : reply.Children!.Count;
                Line(prefix, count.ToString(CultureInfo.InvariantCulture));
                foreach (var child in reply.Children!)
                {
                    output.Write(Encode(child));
                }

                break;
        }

        return output.ToArray();
    }

    /// <summary>A reply in a neutral form, rendered canonically for comparison.</summary>
    private sealed record Expected(string Kind, string? Text = null, byte[]? Bytes = null, List<Expected>? Children = null)
    {
        public static Expected From(RedisReply reply) => reply.Type switch
        {
            RedisReplyType.SimpleString => new("simple", Text: reply.AsString()),
            RedisReplyType.Error when reply.ErrorMessage!.Contains('\r', StringComparison.Ordinal) || reply.ErrorMessage.Contains('\n', StringComparison.Ordinal)
                => new("bloberror", Bytes: Encoding.UTF8.GetBytes(reply.ErrorMessage)),
            RedisReplyType.Error => new("error", Text: reply.ErrorMessage),
            RedisReplyType.Integer => new("integer", Text: reply.AsString()),
            RedisReplyType.BulkString => new("bulk", Bytes: reply.AsBytes()),
            RedisReplyType.Null => new("null"),
            RedisReplyType.Boolean => new("boolean", Text: reply.AsBoolean() ? "true" : "false"),
            RedisReplyType.Double => new("double", Text: reply.AsDouble().ToString("R", CultureInfo.InvariantCulture)),
            RedisReplyType.BigNumber => new("bignumber", Text: reply.AsString()),
            RedisReplyType.VerbatimString => new("verbatim", Bytes: reply.AsBytes()),
            RedisReplyType.Array => new("array", Children: reply.Elements.Select(From).ToList()),
            RedisReplyType.Map => new("map", Children: reply.Elements.Select(From).ToList()),
            RedisReplyType.Set => new("set", Children: reply.Elements.Select(From).ToList()),
            _ => new("push", Children: reply.Elements.Select(From).ToList()),
        };

        public override string ToString() => Kind switch
        {
            // The parser drops attributes, so an attributed value compares as the value itself.
            "attributed" => Children![0].ToString(),
            "bloberror" => $"error({Encoding.UTF8.GetString(Bytes!)})",
            "error" => $"error({Text})",
            "null" => "null",
            _ when Children is not null => $"{Kind}[{string.Join(",", Children)}]",
            _ when Bytes is not null => $"{Kind}({Convert.ToHexString(Bytes)})",
            _ => $"{Kind}({Text})",
        };
    }
}
