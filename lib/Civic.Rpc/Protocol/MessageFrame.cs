using System.Buffers;
using System.Buffers.Binary;

namespace Civic.Rpc.Protocol;

/// <summary>What <see cref="MessageFrame.TryRead"/> found at the start of a buffer.</summary>
internal enum FrameReadResult
{
    /// <summary>A whole frame is there.</summary>
    Complete,

    /// <summary>Not enough bytes yet for a whole frame.</summary>
    Incomplete,

    /// <summary>The frame announces a message larger than allowed.</summary>
    TooLarge,

    /// <summary>The compressed-flag byte is neither 0 nor 1.</summary>
    Malformed,
}

/// <summary>The gRPC length-prefixed message: flag byte, big-endian uint32 length, payload.</summary>
internal static class MessageFrame
{
    /// <summary>
    /// Reads one frame from the front of <paramref name="buffer"/>. On <see cref="FrameReadResult.Complete"/>
    /// the buffer is advanced past the frame; otherwise it is left untouched.
    /// </summary>
    public static FrameReadResult TryRead(
        ref ReadOnlySequence<byte> buffer, int maxMessageSize, out bool compressed, out ReadOnlySequence<byte> payload, out long announcedLength)
    {
        compressed = false;
        payload = default;
        announcedLength = 0;
        if (buffer.Length < GrpcProtocol.HeaderSize)
        {
            return FrameReadResult.Incomplete;
        }

        Span<byte> header = stackalloc byte[GrpcProtocol.HeaderSize];
        buffer.Slice(0, GrpcProtocol.HeaderSize).CopyTo(header);
        var flag = header[0];
        if (flag > 1)
        {
            return FrameReadResult.Malformed;
        }

        compressed = flag == 1;
        announcedLength = BinaryPrimitives.ReadUInt32BigEndian(header[1..]);
        if (announcedLength > maxMessageSize)
        {
            return FrameReadResult.TooLarge;
        }

        if (buffer.Length < GrpcProtocol.HeaderSize + announcedLength)
        {
            return FrameReadResult.Incomplete;
        }

        payload = buffer.Slice(GrpcProtocol.HeaderSize, announcedLength);
        buffer = buffer.Slice(payload.End);
        return FrameReadResult.Complete;
    }

    /// <summary>Writes the five-byte prefix for a message of <paramref name="length"/> bytes.</summary>
    public static void WriteHeader(Span<byte> destination, bool compressed, int length)
    {
        destination[0] = compressed ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt32BigEndian(destination[1..], (uint)length);
    }
}
