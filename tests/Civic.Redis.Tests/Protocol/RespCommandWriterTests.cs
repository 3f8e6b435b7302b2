using System.Buffers;
using System.Text;
using Civic.Redis.Protocol;

namespace Civic.Redis.Tests.Protocol;

public class RespCommandWriterTests
{
    [Fact]
    public void Write_MixedArguments_EncodesArrayOfBulkStrings()
    {
        var output = new ArrayBufferWriter<byte>();
        RespCommandWriter.Write(output, ["SET", "kø", 42L, new byte[] { 0, 13, 10 }]);
        Assert.Equal("*4\r\n$3\r\nSET\r\n$3\r\nkø\r\n$2\r\n42\r\n$3\r\n\0\r\n\r\n", Encoding.UTF8.GetString(output.WrittenSpan));
    }

    [Fact]
    public void Write_LargeText_EncodesWholeValue()
    {
        var output = new ArrayBufferWriter<byte>(16);
        var value = new string('x', 100_000);
        RespCommandWriter.Write(output, ["SET", value]);
        Assert.EndsWith($"$100000\r\n{value}\r\n", Encoding.UTF8.GetString(output.WrittenSpan), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, "1")]
    [InlineData(-7L, "-7")]
    [InlineData(2.5, "2.5")]
    [InlineData(true, "1")]
    public void From_Numbers_EncodeAsDecimalText(object value, string expected)
    {
        var output = new ArrayBufferWriter<byte>();
        RedisArgument.From(value).WriteTo(output);
        Assert.Equal($"${expected.Length}\r\n{expected}\r\n", Encoding.UTF8.GetString(output.WrittenSpan));
    }

    [Fact]
    public void From_UnsupportedType_ThrowsArgumentException()
    {
        var exception = Assert.Throws<ArgumentException>(() => RedisArgument.From(new Uri("http://example.org")));
        Assert.Contains("Uri", exception.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => RedisArgument.From(null));
        Assert.Contains("ExecuteAsync(arguments, cancellationToken)", Assert.Throws<ArgumentException>(() => RedisArgument.From(CancellationToken.None)).Message, StringComparison.Ordinal);
    }
}
