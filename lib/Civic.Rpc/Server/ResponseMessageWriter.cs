using System.IO.Pipelines;
using Civic.Rpc.Protocol;
using Google.Protobuf;

namespace Civic.Rpc.Server;

/// <summary>Writes one length-prefixed response message straight into the response pipe.</summary>
internal static class ResponseMessageWriter
{
    public static void Write<T>(PipeWriter writer, T message, ServerCallContext context)
        where T : IMessage<T>
    {
        var size = message.CalculateSize();
        var limit = context.Options.MaxSendMessageSize;
        if (size > limit)
        {
            throw new RpcException(new Status(
                StatusCode.ResourceExhausted, $"The response message is {size} bytes; the server's limit is {limit} bytes."));
        }

        context.StartResponse();
        if (context.CompressResponses)
        {
            var compressed = GzipCodec.Compress(message.ToByteArray());
            var target = writer.GetSpan(GrpcProtocol.HeaderSize + compressed.Length);
            MessageFrame.WriteHeader(target, compressed: true, compressed.Length);
            compressed.CopyTo(target[GrpcProtocol.HeaderSize..]);
            writer.Advance(GrpcProtocol.HeaderSize + compressed.Length);
            return;
        }

        // Serialize in place: no intermediate array, one span for prefix and payload.
        var span = writer.GetSpan(GrpcProtocol.HeaderSize + size);
        MessageFrame.WriteHeader(span, compressed: false, size);
        message.WriteTo(span.Slice(GrpcProtocol.HeaderSize, size));
        writer.Advance(GrpcProtocol.HeaderSize + size);
    }
}
