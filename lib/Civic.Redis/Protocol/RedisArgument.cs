using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Civic.Redis.Protocol;

/// <summary>One argument of a command, kept in its .NET form and encoded straight into the output pipe.</summary>
internal readonly struct RedisArgument
{
    private readonly string? _text;
    private readonly ReadOnlyMemory<byte> _bytes;
    private readonly long _integer;
    private readonly Kind _kind;

    private RedisArgument(string? text, ReadOnlyMemory<byte> bytes, long integer, Kind kind)
    {
        _text = text;
        _bytes = bytes;
        _integer = integer;
        _kind = kind;
    }

    private enum Kind
    {
        Text,
        Bytes,
        Integer,
    }

    public static implicit operator RedisArgument(string text) => new(text, default, 0, Kind.Text);

    public static implicit operator RedisArgument(long value) => new(null, default, value, Kind.Integer);

    public static implicit operator RedisArgument(ReadOnlyMemory<byte> bytes) => new(null, bytes, 0, Kind.Bytes);

    public static implicit operator RedisArgument(byte[] bytes) => new(null, bytes, 0, Kind.Bytes);

    /// <summary>Converts what callers pass to the generic command API.</summary>
    /// <exception cref="ArgumentException">The value has no RESP encoding here.</exception>
    public static RedisArgument From(object? value) => value switch
    {
        string text => text,
        byte[] bytes => bytes,
        ReadOnlyMemory<byte> memory => memory,
        Memory<byte> memory => (ReadOnlyMemory<byte>)memory,
        int number => (long)number,
        long number => number,
        uint number => (long)number,
        short number => (long)number,
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        float number => number.ToString("R", CultureInfo.InvariantCulture),
        decimal number => number.ToString(CultureInfo.InvariantCulture),
        bool flag => flag ? 1L : 0L,
        CancellationToken => throw new ArgumentException("Pass a CancellationToken through ExecuteAsync(arguments, cancellationToken), not as a command argument.", nameof(value)),
        TimeSpan => throw new ArgumentException("Pass a TimeSpan as whole seconds or milliseconds, as the command expects.", nameof(value)),
        null => throw new ArgumentException("Redis arguments cannot be null.", nameof(value)),
        _ => throw new ArgumentException($"A {value.GetType().Name} cannot be sent to Redis; pass a string, bytes or a number.", nameof(value)),
    };

    /// <summary>The argument as text, for naming a command in errors and logs (only ever used for the command name).</summary>
    public override string ToString() => _kind switch
    {
        Kind.Text => _text!,
        Kind.Integer => _integer.ToString(CultureInfo.InvariantCulture),
        _ => Encoding.UTF8.GetString(_bytes.Span),
    };

    /// <summary>Writes the argument as a RESP bulk string.</summary>
    public void WriteTo(IBufferWriter<byte> output)
    {
        switch (_kind)
        {
            case Kind.Text:
                RespCommandWriter.WriteLength(output, (byte)'$', Encoding.UTF8.GetByteCount(_text!));
                Encoding.UTF8.GetBytes(_text.AsSpan(), output);
                break;
            case Kind.Bytes:
                RespCommandWriter.WriteLength(output, (byte)'$', _bytes.Length);
                output.Write(_bytes.Span);
                break;
            default:
                Span<byte> digits = stackalloc byte[20];
                Utf8Formatter.TryFormat(_integer, digits, out var written);
                RespCommandWriter.WriteLength(output, (byte)'$', written);
                output.Write(digits[..written]);
                break;
        }

        output.Write("\r\n"u8);
    }
}
