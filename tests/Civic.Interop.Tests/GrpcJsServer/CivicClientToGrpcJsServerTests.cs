using System.Text.RegularExpressions;
using Civic.Testing.V1;
using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;

namespace Civic.Interop.Tests.GrpcJsServer;

/// <summary>
/// Civic's client calls an independent gRPC server (Node @grpc/grpc-js) for the same cases the
/// independent clients run against Civic's server, with Grpc.Net.Client and the generated clients. grpc-js answers with content-type
/// application/grpc+proto, grpc-encoding identity and grpc-accept-encoding on every response, and
/// percent-encodes grpc-message with encodeURI: every test here also covers those.
/// </summary>
public sealed class CivicClientToGrpcJsServerTests(GrpcJsServerFixture fixture) : IClassFixture<GrpcJsServerFixture>
{
    private const int TestTimeout = 30_000;
    private const string Danish = "Æblet må ikke være tomt";
    private const string Special = "100% sikker? \"citat\" ~ tab\there, ny linje\r\n, 日本語 and a trailing %";
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(10);

    [Fact(Timeout = TestTimeout)]
    public async Task UnaryCall_Payload_IsEchoed()
    {
        var response = await UnaryAsync(Client(), new UnaryCallRequest { Payload = ByteString.CopyFromUtf8("hej fra Civic") }, Options("unary_ok"));

        Assert.Equal("hej fra Civic", response.Payload.ToStringUtf8());
    }

    [Fact(Timeout = TestTimeout)]
    public async Task UnaryCall_ProtocolHeaders_AreWhatGrpcRequires()
    {
        await UnaryAsync(Client(), new UnaryCallRequest(), Options("protocol_headers"));
        var headers = fixture.Server.HeadersOf("protocol_headers");

        Assert.Equal("POST", headers[":method"]);
        Assert.Equal("http", headers[":scheme"]);
        Assert.Equal("/civic.testing.v1.TestService/UnaryCall", headers[":path"]);
        Assert.Equal("trailers", headers.GetValueOrDefault("te"));
        Assert.StartsWith("application/grpc", headers.GetValueOrDefault("content-type"), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(headers.GetValueOrDefault("user-agent")));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task UnaryCall_NoDeadline_ServerSeesNone()
    {
        var response = await UnaryAsync(Client(), new UnaryCallRequest(), Options("unary_no_deadline", timeout: null));

        Assert.Equal(-1, response.DeadlineMs);
        Assert.False(fixture.Server.HeadersOf("unary_no_deadline").ContainsKey("grpc-timeout"));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task UnaryCall_Deadline_ReachesServer()
    {
        var response = await UnaryAsync(Client(), new UnaryCallRequest(), Options("deadline_propagated", TimeSpan.FromSeconds(5)));

        Assert.Matches(new Regex("^[0-9]{1,8}[HMSmun]$"), fixture.Server.HeadersOf("deadline_propagated")["grpc-timeout"]);
        Assert.InRange(response.DeadlineMs, 1, 5000);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task UnaryCall_EmptyRequestMessage_Succeeds()
    {
        var response = await UnaryAsync(Client(), new UnaryCallRequest(), Options("unary_empty_request"));

        Assert.True(response.Payload.IsEmpty);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task UnaryCall_LargeMessagesUnderLimit_ArriveIntact()
    {
        var payload = ByteString.CopyFrom(Enumerable.Range(0, 200 * 1024).Select(i => (byte)(i % 251)).ToArray());

        var response = await UnaryAsync(Client(), new UnaryCallRequest { Payload = payload }, Options("large_messages"));

        Assert.Equal(payload, response.Payload);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task ServerStreaming_SeveralSizes_ArriveInOrder()
    {
        using var call = Client().StreamingOutputCall(
            new StreamingOutputCallRequest { ResponseSizes = { 1, 10, 100, 1000, 70000 } },
            Options("server_streaming_ok"));

        var messages = await ReadAllAsync(call);

        Assert.Equal([(0, 1), (1, 10), (2, 100), (3, 1000), (4, 70000)], messages);
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task ServerStreaming_ZeroLengthMessages_Arrive()
    {
        using var call = Client().StreamingOutputCall(
            new StreamingOutputCallRequest { ResponseSizes = { 0, 0 } }, Options("server_streaming_empty_message"));

        Assert.Equal([(0, 0), (1, 0)], await ReadAllAsync(call));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task ServerStreaming_NoMessages_EndsOk()
    {
        using var call = Client().StreamingOutputCall(
            new StreamingOutputCallRequest(), Options("server_streaming_no_messages"));

        Assert.Empty(await ReadAllAsync(call));
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task ServerStreaming_ErrorAfterMessages_DeliversMessagesThenStatus()
    {
        using var call = Client().StreamingOutputCall(
            new StreamingOutputCallRequest
            {
                ResponseSizes = { 1, 2 },
                FinalStatus = new EchoStatus { Code = (int)StatusCode.FailedPrecondition, Message = "Sagen er lukket" },
            },
            Options("server_streaming_error_after_messages"));
        var messages = new List<(int, int)>();

        var exception = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            while (await call.ResponseStream.MoveNext(TestContext.Current.CancellationToken))
            {
                messages.Add((call.ResponseStream.Current.Index, call.ResponseStream.Current.Payload.Length));
            }
        });

        Assert.Equal([(0, 1), (1, 2)], messages);
        Assert.Equal(StatusCode.FailedPrecondition, exception.StatusCode);
        Assert.Equal("Sagen er lukket", exception.Status.Detail);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task ClientStreaming_SeveralMessages_AreAggregated()
    {
        using var call = Client().StreamingInputCall(Options("client_streaming_ok"));
        foreach (var size in new[] { 1, 2, 3, 4, 5000 })
        {
            await call.RequestStream.WriteAsync(new StreamingInputCallRequest { Payload = ByteString.CopyFrom(new byte[size]) }, TestContext.Current.CancellationToken);
        }

        await call.RequestStream.CompleteAsync();
        var response = await call.ResponseAsync;

        Assert.Equal(5010, response.AggregatedPayloadSize);
        Assert.Equal(5, response.MessageCount);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task ClientStreaming_NoMessages_Succeeds()
    {
        using var call = Client().StreamingInputCall(Options("client_streaming_no_messages"));

        await call.RequestStream.CompleteAsync();
        var response = await call.ResponseAsync;

        Assert.Equal(0, response.MessageCount);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task BidiStreaming_PingPong_AnswersBeforeRequestStreamEnds()
    {
        using var call = Client().FullDuplexCall(Options("bidi_ping_pong"));
        var token = TestContext.Current.CancellationToken;

        // Each answer is read before the next request is written: both directions are open at once.
        for (var i = 0; i < 5; i++)
        {
            var payload = ByteString.CopyFrom(Enumerable.Repeat((byte)i, i + 1).ToArray());
            await call.RequestStream.WriteAsync(new FullDuplexCallRequest { Payload = payload }, token);
            Assert.True(await call.ResponseStream.MoveNext(token));
            Assert.Equal(payload, call.ResponseStream.Current.Payload);
        }

        await call.RequestStream.CompleteAsync();
        Assert.False(await call.ResponseStream.MoveNext(token));
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task Error_DanishMessage_ArrivesPercentDecoded()
    {
        var exception = await FailingUnaryAsync("error_status_danish", new UnaryCallRequest
        {
            ResponseStatus = new EchoStatus { Code = (int)StatusCode.InvalidArgument, Message = Danish },
        });

        Assert.Equal(StatusCode.InvalidArgument, exception.StatusCode);
        Assert.Equal(Danish, exception.Status.Detail);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task Error_MessageWithPercentAndControlCharacters_ArrivesIntact()
    {
        var exception = await FailingUnaryAsync("error_status_special_characters", new UnaryCallRequest
        {
            ResponseStatus = new EchoStatus { Code = (int)StatusCode.FailedPrecondition, Message = Special },
        });

        Assert.Equal(StatusCode.FailedPrecondition, exception.StatusCode);
        Assert.Equal(Special, exception.Status.Detail);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task Error_BadRequestDetails_AreDecoded()
    {
        var exception = await FailingUnaryAsync("error_details", new UnaryCallRequest
        {
            ResponseStatus = new EchoStatus { Code = (int)StatusCode.InvalidArgument, Message = Danish },
            ViolationField = "navn",
        });

        Assert.Equal(StatusCode.InvalidArgument, exception.StatusCode);
        var status = exception.GetRpcStatus();
        Assert.NotNull(status);
        Assert.Equal((int)StatusCode.InvalidArgument, status.Code);
        Assert.Equal(Danish, status.Message);
        var violation = Assert.Single(status.GetDetail<BadRequest>()!.FieldViolations);
        Assert.Equal("navn", violation.Field);
        Assert.Equal(Danish, violation.Description);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task Deadline_ServerTooSlow_DeadlineExceededAndServerStops()
    {
        var exception = await Assert.ThrowsAsync<RpcException>(() => UnaryAsync(Client(), new UnaryCallRequest { DelayMs = 5000 }, Options("deadline_exceeded", TimeSpan.FromMilliseconds(300))));

        Assert.Equal(StatusCode.DeadlineExceeded, exception.StatusCode);
        Assert.True(
            await fixture.Server.WaitForCancellationAsync("deadline_exceeded", TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken),
            "The grpc-js server never saw the call end before its 5 s delay.");
    }

    [Fact(Timeout = TestTimeout)]
    public async Task Metadata_TextAndBinary_EchoedInHeadersAndTrailers()
    {
        var headers = new Metadata
        {
            { "x-echo-text", "hej verden" },
            { "x-echo-bin-bin", new byte[] { 0, 1, 2, 253, 254, 255 } },
            { "x-echo-multi", "en" },
            { "x-echo-multi", "to" },
            { "x-echo-multi-bin", new byte[] { 1 } },
            { "x-echo-multi-bin", new byte[] { 2, 3 } },
        };

        using var call = Client().UnaryCallAsync(new UnaryCallRequest { EchoMetadata = true }, Options("metadata_round_trip", extra: headers));
        await call.ResponseAsync;

        foreach (var metadata in new[] { await call.ResponseHeadersAsync, call.GetTrailers() })
        {
            Assert.Equal("hej verden", metadata.GetValue("x-echo-text"));
            Assert.Equal([0, 1, 2, 253, 254, 255], metadata.GetValueBytes("x-echo-bin-bin"));
            // HTTP allows repeated fields to arrive joined with ", ": either form is the same metadata.
            Assert.Equal("en, to", string.Join(", ", metadata.Where(e => e.Key == "x-echo-multi").Select(e => e.Value)));
            Assert.Equal([[1], [2, 3]], metadata.Where(e => e.Key == "x-echo-multi-bin").Select(e => e.ValueBytes!));
        }
    }

    [Fact(Timeout = TestTimeout)]
    public async Task Metadata_WithErrorStatus_EchoedInTrailers()
    {
        var headers = new Metadata { { "x-echo-text", "fejl" }, { "x-echo-bin-bin", new byte[] { 0xff, 0x00 } } };

        var exception = await FailingUnaryAsync(
            "metadata_with_error",
            new UnaryCallRequest { EchoMetadata = true, ResponseStatus = new EchoStatus { Code = (int)StatusCode.NotFound, Message = "Ikke fundet" } },
            headers);

        Assert.Equal(StatusCode.NotFound, exception.StatusCode);
        Assert.Equal("fejl", exception.Trailers.GetValue("x-echo-text"));
        Assert.Equal([0xff, 0x00], exception.Trailers.GetValueBytes("x-echo-bin-bin"));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task Request_OverServerLimit_ResourceExhausted()
    {
        var exception = await FailingUnaryAsync(
            "request_too_large", new UnaryCallRequest { Payload = ByteString.CopyFrom(new byte[GrpcJsServerFixture.ServerMessageLimit + (50 * 1024)]) });

        Assert.Equal(StatusCode.ResourceExhausted, exception.StatusCode);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task Response_OverServerSendLimit_ResourceExhausted()
    {
        var exception = await FailingUnaryAsync(
            "response_too_large", new UnaryCallRequest { ResponseSize = GrpcJsServerFixture.ServerMessageLimit + (50 * 1024) });

        Assert.Equal(StatusCode.ResourceExhausted, exception.StatusCode);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task Response_OverClientReceiveLimit_ResourceExhausted()
    {
        var client = new TestService.TestServiceClient(fixture.CreateChannel(options => options.MaxReceiveMessageSize = 64 * 1024));

        var exception = await Assert.ThrowsAsync<RpcException>(() => UnaryAsync(
            client, new UnaryCallRequest { ResponseSize = 100 * 1024 }, Options("response_over_client_limit")));

        Assert.Equal(StatusCode.ResourceExhausted, exception.StatusCode);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task UnknownMethod_Unimplemented()
    {
        var client = new Unimplemented.TestService.TestServiceClient(fixture.CreateChannel());

        var exception = await Assert.ThrowsAsync<RpcException>(() => client.NoSuchMethodAsync(new Unimplemented.Probe(), Options("unknown_method")).ResponseAsync);

        Assert.Equal(StatusCode.Unimplemented, exception.StatusCode);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task UnknownService_Unimplemented()
    {
        var client = new Unimplemented.NoSuchService.NoSuchServiceClient(fixture.CreateChannel());

        var exception = await Assert.ThrowsAsync<RpcException>(() => client.UnaryCallAsync(new Unimplemented.Probe(), Options("unknown_service")).ResponseAsync);

        Assert.Equal(StatusCode.Unimplemented, exception.StatusCode);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task ServerInternalError_Internal()
    {
        var exception = await FailingUnaryAsync("handler_throws", new UnaryCallRequest { ThrowException = true });

        Assert.Equal(StatusCode.Internal, exception.StatusCode);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task GzipRequest_IsDecompressedByServer()
    {
        var payload = ByteString.CopyFromUtf8(string.Concat(Enumerable.Repeat("Borgerpanelet ", 1000)));
        // Grpc.Net.Client compresses a call's request messages when the call asks for it with this header.
        var headers = new Metadata { { "grpc-internal-encoding-request", "gzip" } };

        var response = await UnaryAsync(Client(), new UnaryCallRequest { Payload = payload }, Options("gzip_request", extra: headers));

        Assert.Equal(payload, response.Payload);
        Assert.Equal("gzip", fixture.Server.HeadersOf("gzip_request").GetValueOrDefault("grpc-encoding"));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task Cancel_ServerStreamByClient_ServerSeesCancellationAndChannelKeepsWorking()
    {
        var client = Client();
        var token = TestContext.Current.CancellationToken;
        using (var call = client.StreamingOutputCall(
            new StreamingOutputCallRequest { ResponseSizes = { Enumerable.Repeat(10, 50) }, IntervalMs = 100 },
            Options("cancel_server_stream")))
        {
            Assert.True(await call.ResponseStream.MoveNext(token));
            Assert.Equal(0, call.ResponseStream.Current.Index);
        }

        Assert.True(
            await fixture.Server.WaitForCancellationAsync("cancel_server_stream", TimeSpan.FromSeconds(10), token),
            "The grpc-js server never saw the stream cancelled (RST_STREAM).");
        var after = await UnaryAsync(client, new UnaryCallRequest { Payload = ByteString.CopyFromUtf8("efter") }, Options("cancel_after"));
        Assert.Equal("efter", after.Payload.ToStringUtf8());
    }

    [Fact(Timeout = TestTimeout)]
    public async Task ConcurrentCalls_OnOneChannel_AllSucceed()
    {
        var client = Client();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => UnaryAsync(
            client,
            new UnaryCallRequest { Payload = ByteString.CopyFrom(Enumerable.Repeat((byte)i, 10).ToArray()), DelayMs = 200 },
            Options("concurrent_calls"))));

        Assert.Equal(Enumerable.Range(0, 20), responses.Select(r => (int)r.Payload[0]));
    }

    private TestService.TestServiceClient Client() => new(fixture.CreateChannel());

    private static async Task<UnaryCallResponse> UnaryAsync(TestService.TestServiceClient client, UnaryCallRequest request, CallOptions options) =>
        await client.UnaryCallAsync(request, options);

    private Task<RpcException> FailingUnaryAsync(string caseName, UnaryCallRequest request, Metadata? headers = null) =>
        Assert.ThrowsAsync<RpcException>(() => UnaryAsync(Client(), request, Options(caseName, extra: headers)));

    private static CallOptions Options(string caseName, Metadata? extra = null) => Options(caseName, CallTimeout, extra);

    /// <summary>Options naming the case for the server's report, with a deadline (null: none).</summary>
    private static CallOptions Options(string caseName, TimeSpan? timeout, Metadata? extra = null)
    {
        var headers = extra ?? [];
        headers.Add("x-case", caseName);
        return new CallOptions(
            headers: headers,
            deadline: timeout is { } t ? TimeProvider.System.GetUtcNow().UtcDateTime + t : null,
            cancellationToken: TestContext.Current.CancellationToken);
    }

    private static async Task<List<(int Index, int Size)>> ReadAllAsync(AsyncServerStreamingCall<StreamingOutputCallResponse> call)
    {
        var messages = new List<(int, int)>();
        await foreach (var message in call.ResponseStream.ReadAllAsync(TestContext.Current.CancellationToken))
        {
            messages.Add((message.Index, message.Payload.Length));
        }

        return messages;
    }
}
