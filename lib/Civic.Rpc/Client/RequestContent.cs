using System.Net;
using System.Net.Http.Headers;
using Civic.Rpc.Protocol;
using Google.Protobuf;

namespace Civic.Rpc.Client;

/// <summary>Turns request messages into gRPC frames, enforcing the send limit.</summary>
internal static class RequestFrame
{
    public static byte[] Create<T>(T message, int maxMessageSize, bool compress)
        where T : IMessage<T>
    {
        ArgumentNullException.ThrowIfNull(message);
        var size = message.CalculateSize();
        if (size > maxMessageSize)
        {
            throw new RpcException(new Status(
                StatusCode.ResourceExhausted, $"The request message is {size} bytes; the client's send limit is {maxMessageSize} bytes."));
        }

        if (compress)
        {
            var compressed = GzipCodec.Compress(message.ToByteArray());
            var compressedFrame = new byte[GrpcProtocol.HeaderSize + compressed.Length];
            MessageFrame.WriteHeader(compressedFrame, compressed: true, compressed.Length);
            compressed.CopyTo(compressedFrame.AsSpan(GrpcProtocol.HeaderSize));
            return compressedFrame;
        }

        var frame = new byte[GrpcProtocol.HeaderSize + size];
        MessageFrame.WriteHeader(frame, compressed: false, size);
        message.WriteTo(frame.AsSpan(GrpcProtocol.HeaderSize));
        return frame;
    }

    public static MediaTypeHeaderValue ContentType() => new(GrpcProtocol.ContentType);
}

/// <summary>The body of a unary or server-streaming request: one frame, serialized before the first attempt and reused by retries.</summary>
internal sealed class SingleMessageContent : HttpContent
{
    private readonly byte[] _frame;

    public SingleMessageContent(byte[] frame)
    {
        _frame = frame;
        Headers.ContentType = RequestFrame.ContentType();
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        stream.WriteAsync(_frame, cancellationToken).AsTask();

    // No content-length: the same as every gRPC client sends, and nothing on the way depends on it.
    protected override bool TryComputeLength(out long length)
    {
        length = -1;
        return false;
    }
}

/// <summary>
/// The body of a client-streaming or bidirectional request: stays open, handing its stream to the
/// call's writer, until the writer completes it.
/// </summary>
internal sealed class StreamingRequestContent : HttpContent
{
    private readonly TaskCompletionSource<Stream> _stream = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public StreamingRequestContent() => Headers.ContentType = RequestFrame.ContentType();

    /// <summary>The request body stream, once HttpClient has started sending.</summary>
    public Task<Stream> Stream => _stream.Task;

    /// <summary>Ends the request body (half-close).</summary>
    public void Complete() => _completed.TrySetResult();

    /// <summary>Fails waiting writers; the request body is ended by the call's cancellation.</summary>
    public void Abort(Exception exception)
    {
        if (_stream.TrySetException(exception))
        {
            // Observed here: when nobody writes again, the failure must not surface as an unobserved task exception.
            _ = _stream.Task.Exception;
        }

        _completed.TrySetResult();
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        // HTTP/2 request headers wait in a buffer until the first flush; flush now so the server
        // starts the call before the first message (a bidi server may speak first).
        await stream.FlushAsync(cancellationToken);
        _stream.TrySetResult(stream);
        await _completed.Task.WaitAsync(cancellationToken);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = -1;
        return false;
    }
}
