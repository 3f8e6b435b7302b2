using System.Numerics;
using System.Text;
using Civic.Redis.Protocol;

namespace Civic.Redis.Tests.Protocol;

public class RespParserTests
{
    private static RedisReply ParseOne(string resp)
    {
        var replies = ChunkedInput.ParseAll(resp);
        return Assert.Single(replies);
    }

    [Fact]
    public void TryRead_SimpleString_ReturnsText()
    {
        var reply = ParseOne("+OK\r\n");
        Assert.Equal(RedisReplyType.SimpleString, reply.Type);
        Assert.Equal("OK", reply.AsString());
    }

    [Fact]
    public void TryRead_Error_ReturnsErrorMessage()
    {
        var reply = ParseOne("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        Assert.True(reply.IsError);
        Assert.Equal("WRONGTYPE Operation against a key holding the wrong kind of value", reply.ErrorMessage);
    }

    [Theory]
    [InlineData(":0\r\n", 0L)]
    [InlineData(":-42\r\n", -42L)]
    [InlineData(":9223372036854775807\r\n", long.MaxValue)]
    public void TryRead_Integer_ReturnsValue(string resp, long expected)
    {
        var reply = ParseOne(resp);
        Assert.Equal(RedisReplyType.Integer, reply.Type);
        Assert.Equal(expected, reply.AsInt64());
    }

    [Fact]
    public void TryRead_BulkString_IsBinarySafe()
    {
        var reply = ParseOne("$6\r\na\r\nb\0c\r\n");
        Assert.Equal(RedisReplyType.BulkString, reply.Type);
        Assert.Equal("a\r\nb\0c"u8.ToArray(), reply.AsBytes());
    }

    [Fact]
    public void TryRead_EmptyBulkString_IsEmptyNotNull()
    {
        var reply = ParseOne("$0\r\n\r\n");
        Assert.False(reply.IsNull);
        Assert.Equal(string.Empty, reply.AsString());
    }

    [Theory]
    [InlineData("$-1\r\n")]
    [InlineData("*-1\r\n")]
    [InlineData("_\r\n")]
    public void TryRead_NullForms_ReturnNull(string resp)
    {
        var reply = ParseOne(resp);
        Assert.True(reply.IsNull);
        Assert.Null(reply.AsString());
        Assert.Null(reply.AsBytes());
    }

    [Fact]
    public void TryRead_NestedArray_KeepsStructure()
    {
        var reply = ParseOne("*3\r\n:1\r\n*2\r\n+a\r\n$1\r\nb\r\n*0\r\n");
        Assert.Equal(RedisReplyType.Array, reply.Type);
        Assert.True(reply.IsAggregate);
        Assert.False(reply.Elements[0].IsAggregate);
        Assert.Equal(3, reply.Elements.Count);
        Assert.Equal(1, reply.Elements[0].AsInt64());
        Assert.Equal(["a", "b"], reply.Elements[1].Elements.Select(e => e.AsString()));
        Assert.Empty(reply.Elements[2].Elements);
    }

    [Theory]
    [InlineData("#t\r\n", true)]
    [InlineData("#f\r\n", false)]
    public void TryRead_Boolean_ReturnsValue(string resp, bool expected)
    {
        var reply = ParseOne(resp);
        Assert.Equal(RedisReplyType.Boolean, reply.Type);
        Assert.Equal(expected, reply.AsBoolean());
    }

    [Theory]
    [InlineData(",3.14\r\n", 3.14)]
    [InlineData(",-1.5e10\r\n", -1.5e10)]
    [InlineData(",10\r\n", 10.0)]
    [InlineData(",inf\r\n", double.PositiveInfinity)]
    [InlineData(",-inf\r\n", double.NegativeInfinity)]
    public void TryRead_Double_ReturnsValue(string resp, double expected)
    {
        var reply = ParseOne(resp);
        Assert.Equal(RedisReplyType.Double, reply.Type);
        Assert.Equal(expected, reply.AsDouble());
    }

    [Fact]
    public void TryRead_DoubleNan_ReturnsNaN()
    {
        Assert.True(double.IsNaN(ParseOne(",nan\r\n").AsDouble()));
    }

    [Fact]
    public void TryRead_BigNumber_ReturnsBigInteger()
    {
        var reply = ParseOne("(-3492890328409238509324850943850943825024385\r\n");
        Assert.Equal(RedisReplyType.BigNumber, reply.Type);
        Assert.Equal(BigInteger.Parse("-3492890328409238509324850943850943825024385", System.Globalization.CultureInfo.InvariantCulture), reply.AsBigInteger());
    }

    [Fact]
    public void TryRead_BlobError_IsError()
    {
        var reply = ParseOne("!21\r\nSYNTAX invalid syntax\r\n");
        Assert.True(reply.IsError);
        Assert.Equal("SYNTAX invalid syntax", reply.ErrorMessage);
    }

    [Fact]
    public void TryRead_VerbatimString_SplitsFormatAndText()
    {
        var reply = ParseOne("=15\r\ntxt:Some string\r\n");
        Assert.Equal(RedisReplyType.VerbatimString, reply.Type);
        Assert.Equal("txt", reply.VerbatimFormat);
        Assert.Equal("Some string", reply.AsString());
    }

    [Fact]
    public void TryRead_Map_ReadsAsDictionary()
    {
        var reply = ParseOne("%2\r\n+first\r\n:1\r\n$6\r\nsecond\r\n:2\r\n");
        Assert.Equal(RedisReplyType.Map, reply.Type);
        Assert.Equal(4, reply.Elements.Count);
        var map = reply.AsStringDictionary();
        Assert.Equal("1", map["first"]);
        Assert.Equal("2", map["second"]);
    }

    [Fact]
    public void TryRead_Set_ReturnsMembers()
    {
        var reply = ParseOne("~3\r\n+a\r\n+b\r\n:3\r\n");
        Assert.Equal(RedisReplyType.Set, reply.Type);
        Assert.Equal(["a", "b", "3"], reply.Elements.Select(e => e.AsString()));
    }

    [Fact]
    public void TryRead_Push_ReturnsPushAggregate()
    {
        var reply = ParseOne(">3\r\n$7\r\nmessage\r\n$4\r\nnews\r\n$5\r\nhello\r\n");
        Assert.Equal(RedisReplyType.Push, reply.Type);
        Assert.Equal(["message", "news", "hello"], reply.Elements.Select(e => e.AsString()));
    }

    [Fact]
    public void TryRead_Attribute_IsDroppedAndNextValueReturned()
    {
        var reply = ParseOne("|1\r\n+key-popularity\r\n%2\r\n$1\r\na\r\n,0.1923\r\n$1\r\nb\r\n,0.0012\r\n*2\r\n:2039123\r\n:9543892\r\n");
        Assert.Equal(RedisReplyType.Array, reply.Type);
        Assert.Equal([2039123L, 9543892L], reply.Elements.Select(e => e.AsInt64()));
    }

    [Fact]
    public void TryRead_AttributeInsideArray_DoesNotTakeASlot()
    {
        var reply = ParseOne("*2\r\n:1\r\n|1\r\n+ttl\r\n:3600\r\n:2\r\n");
        Assert.Equal([1L, 2L], reply.Elements.Select(e => e.AsInt64()));
    }

    [Fact]
    public void TryRead_SeveralRepliesInOneBuffer_ReturnsThemInOrder()
    {
        var replies = ChunkedInput.ParseAll("+OK\r\n:1\r\n$1\r\nx\r\n");
        Assert.Equal(["OK", "1", "x"], replies.Select(r => r.AsString()));
    }

    [Fact]
    public void TryRead_IncompleteScalar_ConsumesNothingUntilComplete()
    {
        var input = new ChunkedInput();
        Assert.Empty(input.Feed("$5\r\nhel"u8));
        Assert.Equal(7, input.Unconsumed);
        var reply = Assert.Single(input.Feed("lo\r\n"u8));
        Assert.Equal("hello", reply.AsString());
        Assert.Equal(0, input.Unconsumed);
    }

    [Fact]
    public void TryRead_IncompleteAggregate_KeepsCompletedElements()
    {
        var input = new ChunkedInput();
        Assert.Empty(input.Feed("*3\r\n:1\r\n:2\r\n"u8));
        Assert.Equal(1, input.Depth);
        Assert.Equal(0, input.Unconsumed);
        var reply = Assert.Single(input.Feed(":3\r\n"u8));
        Assert.Equal([1L, 2L, 3L], reply.Elements.Select(e => e.AsInt64()));
        Assert.Equal(0, input.Depth);
    }

    [Theory]
    [InlineData("?what\r\n")]
    [InlineData(":12a\r\n")]
    [InlineData("$abc\r\n")]
    [InlineData("$3\r\nabcd\r\n")]
    [InlineData("$-2\r\n")]
    [InlineData("#x\r\n")]
    [InlineData(",pi\r\n")]
    [InlineData("(12x\r\n")]
    [InlineData("_x\r\n")]
    [InlineData("%-1\r\n")]
    [InlineData("*?\r\n")]
    [InlineData("=3\r\nabc\r\n")]
    [InlineData("$600000000\r\n")]
    public void TryRead_InvalidInput_ThrowsProtocolException(string resp)
    {
        Assert.Throws<RedisProtocolException>(() => ChunkedInput.ParseAll(resp));
    }

    [Fact]
    public void TryRead_NestingBeyondLimit_ThrowsProtocolException()
    {
        var resp = string.Concat(Enumerable.Repeat("*1\r\n", RespParser.MaxDepth + 1)) + ":1\r\n";
        Assert.Throws<RedisProtocolException>(() => ChunkedInput.ParseAll(resp));
    }

    [Fact]
    public void TryRead_LineWithoutEndBeyondLimit_ThrowsProtocolException()
    {
        var resp = "+" + new string('x', RespParser.MaxLineLength + 10);
        Assert.Throws<RedisProtocolException>(() => ChunkedInput.ParseAll(resp));
    }

    [Fact]
    public void TryRead_HugeAnnouncedCount_DoesNotAllocateUpFront()
    {
        var input = new ChunkedInput();
        Assert.Empty(input.Feed(Encoding.ASCII.GetBytes("*2000000000\r\n:1\r\n")));
        Assert.Equal(1, input.Depth);
    }
}
