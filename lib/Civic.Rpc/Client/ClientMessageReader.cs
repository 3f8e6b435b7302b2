using System.Buffers;
using Civic.Rpc.Protocol;
using Google.Protobuf;

namespace Civic.Rpc.Client;

/// <summary>
/// Reads length-prefixed response messages from the HTTP/2 response body. Protocol violations become
/// an <see cref="RpcException"/> with the status the specification prescribes.
/// </summary>
internal sealed class ClientMessageReader<T>(Stream body, MessageParser<T> parser, string? encoding, int maxMessageSize)
    where T : class, IMessage<T>
{
    private readonly byte[] _header = new byte[GrpcProtocol.HeaderSize];

    /// <summary>Reads the next message, or returns null at the end of the response body.</summary>
    public async ValueTask<T?> ReadNextAsync(CancellationToken cancellationToken)
    {
        var read = await body.ReadAtLeastAsync(_header, GrpcProtocol.HeaderSize, throwOnEndOfStream: false, cancellationToken);
        if (read == 0)
        {
            return null;
        }

        if (read < GrpcProtocol.HeaderSize)
        {
            throw new RpcException(new Status(StatusCode.Internal, "The response ended in the middle of a message prefix."));
        }

        var header = new ReadOnlySequence<byte>(_header);
        var outcome = MessageFrame.TryRead(ref header, maxMessageSize, out var compressed, out _, out var length);
        switch (outcome)
        {
            case FrameReadResult.TooLarge:
                throw new RpcException(new Status(
                    StatusCode.ResourceExhausted, $"The response message is {length} bytes; the client's limit is {maxMessageSize} bytes."));
            case FrameReadResult.Malformed:
                throw new RpcException(new Status(StatusCode.Internal, "The response has a malformed message prefix (compressed flag must be 0 or 1)."));
        }

        var payload = new byte[length];
        read = await body.ReadAtLeastAsync(payload, payload.Length, throwOnEndOfStream: false, cancellationToken);
        if (read < payload.Length)
        {
            throw new RpcException(new Status(StatusCode.Internal, "The response ended in the middle of a message."));
        }

        return Parse(payload, compressed);
    }

    private T Parse(byte[] payload, bool compressed)
    {
        if (compressed)
        {
            payload = Decompress(payload);
        }

        try
        {
            return parser.ParseFrom(payload);
        }
        catch (InvalidProtocolBufferException)
        {
            throw new RpcException(new Status(StatusCode.Internal, "The response message could not be parsed as the method's response type."));
        }
    }

    private byte[] Decompress(byte[] payload)
    {
        if (encoding is null or GrpcProtocol.IdentityEncoding)
        {
            throw new RpcException(new Status(StatusCode.Internal, "A response message is marked compressed, but the response declared no grpc-encoding."));
        }

        if (encoding != GrpcProtocol.GzipEncoding)
        {
            throw new RpcException(new Status(
                StatusCode.Internal, $"The response uses grpc-encoding '{encoding}', which this client does not support ({GrpcProtocol.SupportedEncodings})."));
        }

        byte[]? inflated;
        try
        {
            inflated = GzipCodec.Decompress(new ReadOnlySequence<byte>(payload), maxMessageSize);
        }
        catch (InvalidDataException)
        {
            throw new RpcException(new Status(StatusCode.Internal, "A compressed response message is not valid gzip."));
        }

        return inflated ?? throw new RpcException(new Status(
            StatusCode.ResourceExhausted, $"The decompressed response message exceeds the client's limit of {maxMessageSize} bytes."));
    }
}
