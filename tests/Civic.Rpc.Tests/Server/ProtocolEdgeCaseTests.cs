using System.Net.Sockets;
using System.Text;
using Civic.Testing.V1;
using Google.Protobuf;
using Microsoft.Extensions.Logging;

namespace Civic.Rpc.Tests.Server;

public sealed class ProtocolEdgeCaseTests(TestServerFixture fixture) : IClassFixture<TestServerFixture>, IDisposable
{
    private const string Unary = "/civic.testing.v1.TestService/UnaryCall";
    private readonly RawGrpcClient _client = new(fixture.Server.Http2Address);

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task UnaryCall_ValidRequest_ReturnsMessageAndOkTrailer()
    {
        var request = new UnaryCallRequest { Payload = ByteString.CopyFromUtf8("hej") };

        var response = await _client.SendAsync(Unary, RawGrpcClient.Frame(request), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(200, response.HttpStatus);
        Assert.Equal("application/grpc", response.Headers["content-type"]);
        Assert.Equal("0", response.Trailers["grpc-status"]);
        Assert.Equal("hej", response.Message(UnaryCallResponse.Parser).Payload.ToStringUtf8());
    }

    [Fact]
    public async Task UnaryCall_TruncatedPrefix_InternalTrailersOnly()
    {
        var response = await _client.SendAsync(Unary, [0, 0, 0], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(StatusCode.Internal, response.GrpcStatus);
        Assert.True(response.IsTrailersOnly);
        Assert.Contains("ended in the middle of a message", response.GrpcMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnaryCall_LengthLargerThanBody_Internal()
    {
        var frame = RawGrpcClient.Frame(new UnaryCallRequest { Payload = ByteString.CopyFromUtf8("abc") });
        frame[4] += 10;

        var response = await _client.SendAsync(Unary, frame, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(StatusCode.Internal, response.GrpcStatus);
        Assert.True(response.IsTrailersOnly);
    }

    [Fact]
    public async Task UnaryCall_EmptyBody_Internal()
    {
        var response = await _client.SendAsync(Unary, [], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(StatusCode.Internal, response.GrpcStatus);
        Assert.Contains("before a message", response.GrpcMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnaryCall_TwoMessages_Internal()
    {
        var frame = RawGrpcClient.Frame(new UnaryCallRequest());

        var response = await _client.SendAsync(Unary, [.. frame, .. frame], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(StatusCode.Internal, response.GrpcStatus);
        Assert.Contains("more than one message", response.GrpcMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnaryCall_CompressedFlagWithoutEncoding_Internal()
    {
        var frame = RawGrpcClient.Frame(new UnaryCallRequest { Payload = ByteString.CopyFromUtf8("x") }, compressedFlag: true);

        var response = await _client.SendAsync(Unary, frame, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(StatusCode.Internal, response.GrpcStatus);
        Assert.Contains("no grpc-encoding", response.GrpcMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnaryCall_InvalidFlagByte_Internal()
    {
        var frame = RawGrpcClient.Frame(new UnaryCallRequest());
        frame[0] = 7;

        var response = await _client.SendAsync(Unary, frame, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(StatusCode.Internal, response.GrpcStatus);
    }

    [Fact]
    public async Task UnaryCall_GarbagePayload_InternalParseError()
    {
        var response = await _client.SendAsync(Unary, RawGrpcClient.Frame([0xFF, 0xFF, 0xFF]), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(StatusCode.Internal, response.GrpcStatus);
        Assert.Contains("could not be parsed", response.GrpcMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnaryCall_GzipEncoding_DecompressesRequest()
    {
        var payload = new UnaryCallRequest { Payload = ByteString.CopyFromUtf8(new string('a', 1000)) }.ToByteArray();
        var frame = RawGrpcClient.Frame(Civic.Rpc.Protocol.GzipCodec.Compress(payload), compressedFlag: true);

        var response = await _client.SendAsync(Unary, frame, headers: [("grpc-encoding", "gzip")], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(StatusCode.OK, response.GrpcStatus);
        Assert.Equal(1000, response.Message(UnaryCallResponse.Parser).Payload.Length);
    }

    [Fact]
    public async Task UnaryCall_GzipBomb_ResourceExhausted()
    {
        // Inflates far past the 64 KiB receive limit; the server must stop inflating, not run out of memory.
        var payload = new UnaryCallRequest { Payload = ByteString.CopyFrom(new byte[10 * 1024 * 1024]) }.ToByteArray();
        var frame = RawGrpcClient.Frame(Civic.Rpc.Protocol.GzipCodec.Compress(payload), compressedFlag: true);

        var response = await _client.SendAsync(Unary, frame, headers: [("grpc-encoding", "gzip")], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(StatusCode.ResourceExhausted, response.GrpcStatus);
    }

    [Fact]
    public async Task UnaryCall_UnsupportedEncoding_UnimplementedWithAcceptEncoding()
    {
        var frame = RawGrpcClient.Frame(new UnaryCallRequest());

        var response = await _client.SendAsync(Unary, frame, headers: [("grpc-encoding", "snappy")], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(StatusCode.Unimplemented, response.GrpcStatus);
        Assert.Equal("identity,gzip", response.Headers["grpc-accept-encoding"]);
        Assert.True(response.IsTrailersOnly);
    }

    [Fact]
    public async Task UnaryCall_MessageOverReceiveLimit_ResourceExhausted()
    {
        var request = new UnaryCallRequest { Payload = ByteString.CopyFrom(new byte[TestServerFixture.MaxReceiveMessageSize + 1]) };

        var response = await _client.SendAsync(Unary, RawGrpcClient.Frame(request), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(StatusCode.ResourceExhausted, response.GrpcStatus);
        Assert.Contains("limit", response.GrpcMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnaryCall_ResponseOverSendLimit_ResourceExhausted()
    {
        var request = new UnaryCallRequest { ResponseSize = TestServerFixture.MaxReceiveMessageSize + 1 };

        var response = await _client.SendAsync(Unary, RawGrpcClient.Frame(request), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(StatusCode.ResourceExhausted, response.GrpcStatus);
        Assert.Empty(response.Body);
    }

    [Fact]
    public async Task Call_WrongContentType_Http415()
    {
        var response = await _client.SendAsync(Unary, RawGrpcClient.Frame(new UnaryCallRequest()), contentType: "application/json", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(415, response.HttpStatus);
        Assert.Equal(StatusCode.Internal, response.GrpcStatus);
    }

    [Fact]
    public async Task Call_ContentTypeGrpcProto_Accepted()
    {
        var response = await _client.SendAsync(Unary, RawGrpcClient.Frame(new UnaryCallRequest()), contentType: "application/grpc+proto", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(StatusCode.OK, response.GrpcStatus);
    }

    [Fact]
    public async Task Call_WithoutTeTrailers_StillServed()
    {
        // Like grpc-go and grpc-dotnet, Civic does not require "te: trailers": HTTP/2 always allows trailers.
        var response = await _client.SendAsync(Unary, RawGrpcClient.Frame(new UnaryCallRequest()), te: false, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(StatusCode.OK, response.GrpcStatus);
    }

    [Fact]
    public async Task Call_UnknownMethod_UnimplementedNamingIt()
    {
        var response = await _client.SendAsync("/civic.testing.v1.TestService/Nope", RawGrpcClient.Frame(new UnaryCallRequest()), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(StatusCode.Unimplemented, response.GrpcStatus);
        Assert.True(response.IsTrailersOnly);
        Assert.Contains("Nope", response.GrpcMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_UnknownService_UnimplementedNamingIt()
    {
        var response = await _client.SendAsync("/no.such.Service/Call", RawGrpcClient.Frame(new UnaryCallRequest()), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(StatusCode.Unimplemented, response.GrpcStatus);
        Assert.Contains("no.such.Service", response.GrpcMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_MalformedTimeout_Internal()
    {
        var response = await _client.SendAsync(Unary, RawGrpcClient.Frame(new UnaryCallRequest()), headers: [("grpc-timeout", "soon")], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(StatusCode.Internal, response.GrpcStatus);
        Assert.Contains("grpc-timeout", response.GrpcMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_DeadlineExpires_DeadlineExceeded()
    {
        var request = new UnaryCallRequest { DelayMs = 5_000 };

        var response = await _client.SendAsync(Unary, RawGrpcClient.Frame(request), headers: [("grpc-timeout", "100m")], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(StatusCode.DeadlineExceeded, response.GrpcStatus);
    }

    [Fact]
    public async Task Call_Deadline_VisibleToHandler()
    {
        var response = await _client.SendAsync(Unary, RawGrpcClient.Frame(new UnaryCallRequest()), headers: [("grpc-timeout", "2S")], cancellationToken: TestContext.Current.CancellationToken);

        var deadlineMs = response.Message(UnaryCallResponse.Parser).DeadlineMs;
        Assert.InRange(deadlineMs, 1_000, 2_000);
    }

    [Fact]
    public async Task Call_HandlerThrows_InternalWithoutDetailsAndLoggedWithCorrelationId()
    {
        var response = await _client.SendAsync(Unary, RawGrpcClient.Frame(new UnaryCallRequest { ThrowException = true }), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(StatusCode.Internal, response.GrpcStatus);
        Assert.DoesNotContain("Secret", response.GrpcMessage, StringComparison.Ordinal);
        var correlationId = response.GrpcMessage!.Split(' ')[^1].TrimEnd('.');
        Assert.Contains(fixture.Server.Logs.Entries, e =>
            e.Level == LogLevel.Error && e.Exception is InvalidOperationException && e.Message.Contains(correlationId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Call_StatusWithDanishMessage_PercentEncoded()
    {
        var request = new UnaryCallRequest { ResponseStatus = new EchoStatus { Code = 3, Message = "Æblet må ikke være tomt (100%)" } };

        var response = await _client.SendAsync(Unary, RawGrpcClient.Frame(request), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(StatusCode.InvalidArgument, response.GrpcStatus);
        Assert.Equal("%C3%86blet m%C3%A5 ikke v%C3%A6re tomt (100%25)", response.GrpcMessage);
    }

    [Fact]
    public async Task Call_ValidationError_CarriesStatusDetails()
    {
        var request = new UnaryCallRequest { ResponseStatus = new EchoStatus { Code = 3, Message = "name is required" }, ViolationField = "name" };

        var response = await _client.SendAsync(Unary, RawGrpcClient.Frame(request), cancellationToken: TestContext.Current.CancellationToken);

        var details = Civic.Rpc.Protocol.StatusDetails.TryDecode(response.Headers["grpc-status-details-bin"]);
        Assert.NotNull(details);
        Assert.Equal(3, details.Code);
        var badRequest = details.Details.Single().Unpack<Google.Rpc.BadRequest>();
        Assert.Equal("name", badRequest.FieldViolations.Single().Field);
    }

    [Fact]
    public async Task Call_Http1Request_Upgrade426WithGrpcStatus()
    {
        using var http1 = new HttpClient { BaseAddress = fixture.Server.Http1Address };
        using var content = new ByteArrayContent(RawGrpcClient.Frame(new UnaryCallRequest()));
        content.Headers.ContentType = new("application/grpc");

        using var response = await http1.PostAsync(Unary, content, TestContext.Current.CancellationToken);

        Assert.Equal(426, (int)response.StatusCode);
        Assert.Equal("13", response.Headers.GetValues("grpc-status").Single());
    }

    [Fact]
    public async Task Call_Http1RequestToH2cPort_ConnectionRefusedWithoutResponse()
    {
        // The gRPC port speaks only HTTP/2 with prior knowledge: an HTTP/1.1 request gets no HTTP/1.1 answer.
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(fixture.Server.Http2Address.Host, fixture.Server.Http2Address.Port, TestContext.Current.CancellationToken);
        var stream = tcp.GetStream();
        var request = Encoding.ASCII.GetBytes($"POST {Unary} HTTP/1.1\r\nHost: x\r\nContent-Type: application/grpc\r\nContent-Length: 0\r\n\r\n");
        await stream.WriteAsync(request, TestContext.Current.CancellationToken);

        var buffer = new byte[4096];
        var received = new MemoryStream();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        int read;
        while ((read = await stream.ReadAsync(buffer, timeout.Token)) > 0)
        {
            received.Write(buffer, 0, read);
        }

        Assert.False(Encoding.ASCII.GetString(received.ToArray()).StartsWith("HTTP/1.1 200", StringComparison.Ordinal));
    }
}
