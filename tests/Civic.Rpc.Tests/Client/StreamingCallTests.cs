using Civic.Rpc.Client;
using Civic.Testing.V1;
using Google.Protobuf;

namespace Civic.Rpc.Tests.Client;

public sealed class StreamingCallTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact(Timeout = 30_000)]
    public async Task ServerStreaming_ThreeResponses_ReadInOrderThenOk()
    {
        await using var server = await ClientTestServer.StartAsync();
        var client = server.CreateClient();

        using var call = client.ServerStreaming(TestMethods.StreamingOutputCall, new StreamingOutputCallRequest { ResponseSizes = { 1, 2, 3 } });
        var responses = new List<StreamingOutputCallResponse>();
        await foreach (var response in call.ReadAllAsync(Ct))
        {
            responses.Add(response);
        }

        Assert.Equal([0, 1, 2], responses.Select(r => r.Index));
        Assert.Equal([1, 2, 3], responses.Select(r => r.Payload.Length));
        Assert.Equal(StatusCode.OK, call.GetStatus().Code);
        Assert.NotNull(await call.ResponseHeadersAsync);
    }

    [Fact(Timeout = 30_000)]
    public async Task ServerStreaming_NoResponses_EndsOkAtOnce()
    {
        await using var server = await ClientTestServer.StartAsync();
        var client = server.CreateClient();

        using var call = client.ServerStreaming(TestMethods.StreamingOutputCall, new StreamingOutputCallRequest());

        Assert.False(await call.ResponseStream.MoveNext(Ct));
        Assert.Equal(StatusCode.OK, call.GetStatus().Code);
        Assert.Empty(await call.ResponseHeadersAsync);
    }

    [Fact(Timeout = 30_000)]
    public async Task ServerStreaming_FailsAfterTwoMessages_MessagesThenStatus()
    {
        await using var server = await ClientTestServer.StartAsync();
        var client = server.CreateClient();

        using var call = client.ServerStreaming(TestMethods.StreamingOutputCall, new StreamingOutputCallRequest
        {
            ResponseSizes = { 5, 5 },
            FinalStatus = new EchoStatus { Code = (int)StatusCode.Aborted, Message = "stopped" },
        });

        Assert.True(await call.ResponseStream.MoveNext(Ct));
        Assert.True(await call.ResponseStream.MoveNext(Ct));
        var exception = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(Ct));
        Assert.Equal(StatusCode.Aborted, exception.StatusCode);
        Assert.Equal("stopped", exception.Status.Detail);
        Assert.Equal(StatusCode.Aborted, call.GetStatus().Code);
    }

    [Fact(Timeout = 30_000)]
    public async Task ServerStreaming_StatusBeforeEnd_GetStatusThrows()
    {
        await using var server = await ClientTestServer.StartAsync();
        var client = server.CreateClient();

        using var call = client.ServerStreaming(TestMethods.StreamingOutputCall, new StreamingOutputCallRequest { ResponseSizes = { 1, 1 } });
        Assert.True(await call.ResponseStream.MoveNext(Ct));

        Assert.Throws<InvalidOperationException>(() => call.GetStatus());
        Assert.Throws<InvalidOperationException>(() => call.GetTrailers());
    }

    [Fact(Timeout = 30_000)]
    public async Task ServerStreaming_MessageOverReceiveLimit_ResourceExhaustedAfterEarlierMessages()
    {
        await using var server = await ClientTestServer.StartAsync();
        var client = server.CreateClient(o => o.MaxReceiveMessageSize = 1024);

        using var call = client.ServerStreaming(TestMethods.StreamingOutputCall, new StreamingOutputCallRequest { ResponseSizes = { 10, 5000, 10 } });

        Assert.True(await call.ResponseStream.MoveNext(Ct));
        var exception = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(Ct));
        Assert.Equal(StatusCode.ResourceExhausted, exception.StatusCode);
        Assert.Equal(StatusCode.ResourceExhausted, call.GetStatus().Code);
    }

    [Fact(Timeout = 30_000)]
    public async Task ServerStreaming_CancelledMidStream_ClientCancelledAndServerHandlerStops()
    {
        await using var server = await ClientTestServer.StartAsync();
        var client = server.CreateClient();
        using var cancellation = new CancellationTokenSource();
        var request = new StreamingOutputCallRequest { IntervalMs = 50 };
        request.ResponseSizes.AddRange(Enumerable.Repeat(10, 1000));

        using var call = client.ServerStreaming(TestMethods.StreamingOutputCall, request, new CallOptions { CancellationToken = cancellation.Token });
        Assert.True(await call.ResponseStream.MoveNext(Ct));
        Assert.True(await call.ResponseStream.MoveNext(Ct));
        await cancellation.CancelAsync();

        var exception = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(Ct));
        Assert.Equal(StatusCode.Cancelled, exception.StatusCode);
        await server.Handlers.StreamCancelled.WaitAsync(TimeSpan.FromSeconds(10), Ct);
    }

    [Fact(Timeout = 30_000)]
    public async Task ServerStreaming_DisposedMidStream_ServerHandlerStops()
    {
        await using var server = await ClientTestServer.StartAsync();
        var client = server.CreateClient();
        var request = new StreamingOutputCallRequest { IntervalMs = 50 };
        request.ResponseSizes.AddRange(Enumerable.Repeat(10, 1000));

        var call = client.ServerStreaming(TestMethods.StreamingOutputCall, request);
        Assert.True(await call.ResponseStream.MoveNext(Ct));
        call.Dispose();

        await server.Handlers.StreamCancelled.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.Equal(StatusCode.Cancelled, call.GetStatus().Code);
    }

    [Fact(Timeout = 30_000)]
    public async Task ClientStreaming_ThreeRequests_ServerAggregates()
    {
        await using var server = await ClientTestServer.StartAsync();
        var client = server.CreateClient();

        using var call = client.ClientStreaming(TestMethods.StreamingInputCall);
        foreach (var size in new[] { 10, 20, 30 })
        {
            await call.RequestStream.WriteAsync(new StreamingInputCallRequest { Payload = ByteString.CopyFrom(new byte[size]) }, Ct);
        }

        await call.RequestStream.CompleteAsync();
        var response = await call.ResponseAsync;

        Assert.Equal(60, response.AggregatedPayloadSize);
        Assert.Equal(3, response.MessageCount);
        Assert.Equal(StatusCode.OK, call.GetStatus().Code);
    }

    [Fact(Timeout = 30_000)]
    public async Task ClientStreaming_WriteAfterComplete_Throws()
    {
        await using var server = await ClientTestServer.StartAsync();
        var client = server.CreateClient();

        using var call = client.ClientStreaming(TestMethods.StreamingInputCall);
        await call.RequestStream.CompleteAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => call.RequestStream.WriteAsync(new StreamingInputCallRequest(), Ct));
        Assert.Equal(0, (await call.ResponseAsync).MessageCount);
    }

    [Fact(Timeout = 30_000)]
    public async Task ClientStreaming_MessageOverSendLimit_ResourceExhaustedAndCallEnds()
    {
        await using var server = await ClientTestServer.StartAsync();
        var client = server.CreateClient(o => o.MaxSendMessageSize = 100);

        using var call = client.ClientStreaming(TestMethods.StreamingInputCall);
        await call.RequestStream.WriteAsync(new StreamingInputCallRequest { Payload = ByteString.CopyFrom(new byte[10]) }, Ct);
        var exception = await Assert.ThrowsAsync<RpcException>(() =>
            call.RequestStream.WriteAsync(new StreamingInputCallRequest { Payload = ByteString.CopyFrom(new byte[200]) }, Ct));

        Assert.Equal(StatusCode.ResourceExhausted, exception.StatusCode);
        var ended = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
        Assert.Equal(StatusCode.ResourceExhausted, ended.StatusCode);
    }

    [Fact(Timeout = 30_000)]
    public async Task DuplexStreaming_PingPong_EachRequestAnsweredInTurn()
    {
        await using var server = await ClientTestServer.StartAsync();
        var client = server.CreateClient();

        using var call = client.DuplexStreaming(TestMethods.FullDuplexCall);
        for (var i = 0; i < 5; i++)
        {
            await call.RequestStream.WriteAsync(new FullDuplexCallRequest { Payload = ByteString.CopyFromUtf8($"ping {i}") }, Ct);
            Assert.True(await call.ResponseStream.MoveNext(Ct));
            Assert.Equal($"ping {i}", call.ResponseStream.Current.Payload.ToStringUtf8());
        }

        await call.RequestStream.CompleteAsync();

        Assert.False(await call.ResponseStream.MoveNext(Ct));
        Assert.Equal(StatusCode.OK, call.GetStatus().Code);
    }

    [Fact(Timeout = 30_000)]
    public async Task DuplexStreaming_Deadline_DeadlineExceededWhileIdle()
    {
        await using var server = await ClientTestServer.StartAsync();
        var client = server.CreateClient();
        var deadline = TimeProvider.System.GetUtcNow().UtcDateTime.AddSeconds(2);

        using var call = client.DuplexStreaming(TestMethods.FullDuplexCall, new CallOptions { Deadline = deadline });
        await call.RequestStream.WriteAsync(new FullDuplexCallRequest { Payload = ByteString.CopyFromUtf8("one") }, Ct);
        Assert.True(await call.ResponseStream.MoveNext(Ct));

        var exception = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(Ct));
        Assert.Equal(StatusCode.DeadlineExceeded, exception.StatusCode);
        var write = await Assert.ThrowsAsync<RpcException>(() => call.RequestStream.WriteAsync(new FullDuplexCallRequest(), Ct));
        Assert.Equal(StatusCode.DeadlineExceeded, write.StatusCode);
    }
}
