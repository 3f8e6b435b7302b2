using System.Buffers;
using System.IO.Pipelines;
using Civic.Rpc.Protocol;
using Google.Protobuf;

namespace Civic.Rpc.Server;

/// <summary>
/// Reads length-prefixed request messages from the HTTP/2 request body. Every protocol violation
/// becomes an <see cref="RpcException"/> with the status the specification prescribes.
/// </summary>
internal sealed class ServerMessageReader<T>(PipeReader body, MessageParser<T> parser, bool requestCompressed, int maxMessageSize)
    where T : class, IMessage<T>
{
    // Set when the read that completed the last message also showed the request's end with nothing after it.
    private bool _endedAfterMessage;

    /// <summary>Reads the one message of a unary or server-streaming request, up to the end of the request.</summary>
    public async ValueTask<T> ReadSingleAsync(CancellationToken cancellationToken)
    {
        var message = await ReadNextAsync(cancellationToken)
            ?? throw new RpcException(new Status(StatusCode.Internal, "The request ended before a message was received."));

        // Usually the message and the end of the request arrive together: no second read is needed.
        if (_endedAfterMessage)
        {
            return message;
        }

        while (true)
        {
            var result = await body.ReadAsync(cancellationToken);
            if (!result.Buffer.IsEmpty)
            {
                body.AdvanceTo(result.Buffer.End);
                throw new RpcException(new Status(StatusCode.Internal, "The request carried more than one message; this method takes exactly one."));
            }

            body.AdvanceTo(result.Buffer.End);
            if (result.IsCompleted)
            {
                return message;
            }
        }
    }

    /// <summary>Reads the next message, or returns null when the client has finished sending.</summary>
    public async ValueTask<T?> ReadNextAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await body.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            var outcome = MessageFrame.TryRead(ref buffer, maxMessageSize, out var compressed, out var payload, out var length);
            switch (outcome)
            {
                case FrameReadResult.Complete:
                    T message;
                    try
                    {
                        message = Parse(payload, compressed);
                    }
                    finally
                    {
                        body.AdvanceTo(buffer.Start);
                    }

                    _endedAfterMessage = result.IsCompleted && buffer.IsEmpty;
                    return message;
                case FrameReadResult.TooLarge:
                    body.AdvanceTo(result.Buffer.Start, result.Buffer.End);
                    throw new RpcException(new Status(
                        StatusCode.ResourceExhausted,
                        $"The request message is {length} bytes; the limit is {maxMessageSize} bytes."));
                case FrameReadResult.Malformed:
                    body.AdvanceTo(result.Buffer.Start, result.Buffer.End);
                    throw new RpcException(new Status(StatusCode.Internal, "The request has a malformed message prefix (compressed flag must be 0 or 1)."));
                default:
                    if (result.IsCompleted)
                    {
                        body.AdvanceTo(result.Buffer.End);
                        if (result.Buffer.IsEmpty)
                        {
                            return default;
                        }

                        throw new RpcException(new Status(StatusCode.Internal, "The request ended in the middle of a message (incomplete length prefix or body)."));
                    }

                    body.AdvanceTo(result.Buffer.Start, result.Buffer.End);
                    break;
            }
        }
    }

    private T Parse(ReadOnlySequence<byte> payload, bool compressed)
    {
        if (compressed)
        {
            if (!requestCompressed)
            {
                throw new RpcException(new Status(
                    StatusCode.Internal, "A message is marked compressed, but the request declared no grpc-encoding."));
            }

            byte[]? inflated;
            try
            {
                inflated = GzipCodec.Decompress(payload, maxMessageSize);
            }
            catch (InvalidDataException)
            {
                throw new RpcException(new Status(StatusCode.Internal, "A compressed message is not valid gzip."));
            }

            if (inflated is null)
            {
                throw new RpcException(new Status(
                    StatusCode.ResourceExhausted, $"The decompressed request message exceeds the limit of {maxMessageSize} bytes."));
            }

            payload = new ReadOnlySequence<byte>(inflated);
        }

        try
        {
            return parser.ParseFrom(payload);
        }
        catch (InvalidProtocolBufferException)
        {
            throw new RpcException(new Status(StatusCode.Internal, "The request message could not be parsed as the method's request type."));
        }
    }
}
