using System.Buffers.Binary;
using System.Net;
using Civic.Testing;
using Civic.Testing.V1;
using Google.Protobuf;

namespace Civic.Interop.Tests.CivicServer;

/// <summary>
/// grpc-timeout values at the top of the protocol's range (8 digits of hours, about 11,400 years) are
/// legal and some clients send them for "no deadline": the server must accept them and answer the call,
/// not fail it with an HTTP 500 or a status. Sent raw over h2c, so no client library rewrites the header.
/// </summary>
public sealed class LongGrpcTimeoutTests
{
    [Theory]
    [InlineData("99999999H")]
    [InlineData("99999999M")]
    [InlineData("99999999S")]
    public async Task UnaryCall_VeryLongGrpcTimeout_Succeeds(string timeout)
    {
        await using var server = await GrpcTestServer.StartAsync();
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.Http2Address, "/civic.testing.v1.TestService/UnaryCall"))
        {
            // h2c with prior knowledge, as gRPC clients speak it.
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(Frame(new UnaryCallRequest { Payload = ByteString.CopyFromUtf8("lang frist") })),
        };
        request.Content.Headers.ContentType = new("application/grpc");
        request.Headers.TryAddWithoutValidation("te", "trailers");
        request.Headers.TryAddWithoutValidation("grpc-timeout", timeout);

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"HTTP {(int)response.StatusCode} {response.Version}: {response.Headers} {System.Text.Encoding.UTF8.GetString(body)}; server errors: {string.Join(" | ", server.Logs.Entries.Where(e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error).Select(e => $"{e.Message} {e.Exception?.Message}"))}");
        var status = response.TrailingHeaders.TryGetValues("grpc-status", out var values) ? string.Join(",", values) : null;
        var message = response.TrailingHeaders.TryGetValues("grpc-message", out var messages) ? string.Join(",", messages) : null;
        Assert.True(status == "0", $"grpc-status {status ?? "(none)"}, grpc-message {message ?? "(none)"}");
        var answer = UnaryCallResponse.Parser.ParseFrom(Unframe(body));
        Assert.Equal("lang frist", answer.Payload.ToStringUtf8());
        // The handler saw either no deadline (beyond what a DateTime holds) or one far away: never one already near.
        Assert.True(answer.DeadlineMs is -1 or > 86_400_000, $"deadline_ms {answer.DeadlineMs}");
    }

    private static byte[] Frame(IMessage message)
    {
        var bytes = message.ToByteArray();
        var frame = new byte[5 + bytes.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)bytes.Length);
        bytes.CopyTo(frame, 5);
        return frame;
    }

    private static byte[] Unframe(byte[] body)
    {
        Assert.True(body.Length >= 5, $"The response has no message frame ({body.Length} bytes).");
        Assert.Equal(0, body[0]);
        var length = (int)BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(1));
        Assert.Equal(5 + length, body.Length);
        return body[5..];
    }
}
