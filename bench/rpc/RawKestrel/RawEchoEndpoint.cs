using System.Buffers;
using System.Buffers.Binary;
using Civic.Bench.Rpc.V1;
using Google.Protobuf;

namespace Civic.Bench.Rpc.RawKestrel;

/// <summary>
/// The least a correct unary gRPC endpoint must do: check the path and content type, read the whole
/// length-prefixed request, parse it, serialize the response with its prefix straight into the
/// response pipe, and send <c>grpc-status: 0</c> as a trailer.
/// </summary>
internal static class RawEchoEndpoint
{
    private const int PrefixSize = 5;

    public static async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (!string.Equals(request.Path.Value, EchoResponder.Path, StringComparison.Ordinal))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (request.ContentType is not { } contentType || !contentType.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return;
        }

        var body = request.BodyReader;
        var result = await body.ReadAsync(context.RequestAborted);
        while (!result.IsCompleted)
        {
            body.AdvanceTo(result.Buffer.Start, result.Buffer.End);
            result = await body.ReadAsync(context.RequestAborted);
        }

        var response = context.Response;
        response.ContentType = "application/grpc";
        if (!TryParse(result.Buffer, out var echoRequest))
        {
            body.AdvanceTo(result.Buffer.End);
            response.AppendTrailer("grpc-status", "13");
            response.AppendTrailer("grpc-message", "malformed request");
            return;
        }

        body.AdvanceTo(result.Buffer.End);
        var reply = EchoResponder.Respond(echoRequest);
        var size = reply.CalculateSize();
        var writer = response.BodyWriter;
        var span = writer.GetSpan(PrefixSize + size);
        span[0] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(span[1..], (uint)size);
        reply.WriteTo(span.Slice(PrefixSize, size));
        writer.Advance(PrefixSize + size);
        response.AppendTrailer("grpc-status", "0");
    }

    private static bool TryParse(ReadOnlySequence<byte> buffer, out EchoRequest request)
    {
        request = null!;
        if (buffer.Length < PrefixSize)
        {
            return false;
        }

        Span<byte> prefix = stackalloc byte[PrefixSize];
        buffer.Slice(0, PrefixSize).CopyTo(prefix);
        var length = BinaryPrimitives.ReadUInt32BigEndian(prefix[1..]);
        if (prefix[0] != 0 || buffer.Length != PrefixSize + length)
        {
            return false;
        }

        try
        {
            request = EchoRequest.Parser.ParseFrom(buffer.Slice(PrefixSize));
            return true;
        }
        catch (InvalidProtocolBufferException)
        {
            return false;
        }
    }
}
