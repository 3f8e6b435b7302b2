using System.Buffers;
using System.Buffers.Text;

namespace Civic.Redis.Protocol;

/// <summary>Encodes commands as RESP arrays of bulk strings, the one form Redis accepts from clients.</summary>
internal static class RespCommandWriter
{
    public static void Write(IBufferWriter<byte> output, RedisArgument[] arguments)
    {
        WriteLength(output, (byte)'*', arguments.Length);
        foreach (var argument in arguments)
        {
            argument.WriteTo(output);
        }
    }

    public static void WriteLength(IBufferWriter<byte> output, byte prefix, long length)
    {
        var span = output.GetSpan(24);
        span[0] = prefix;
        Utf8Formatter.TryFormat(length, span[1..], out var written);
        span[1 + written] = (byte)'\r';
        span[2 + written] = (byte)'\n';
        output.Advance(3 + written);
    }
}
