using Civic.Rpc.Client;
using Civic.Rpc.Tests.Server;
using Civic.Testing.V1;

namespace Civic.Rpc.Tests.Client;

public sealed class DeadlineTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateTime In(TimeSpan span) => TimeProvider.System.GetUtcNow().UtcDateTime + span;

    [Fact(Timeout = 30_000)]
    public async Task UnaryAsync_Deadline_SentAsGrpcTimeout()
    {
        await using var server = await ClientTestServer.StartAsync();
        var client = server.CreateClient();

        var response = await client.UnaryAsync(TestMethods.UnaryCall, new UnaryCallRequest(), new CallOptions { Deadline = In(TimeSpan.FromSeconds(5)) });

        Assert.InRange(response.DeadlineMs, 1, 5000);
    }

    [Fact(Timeout = 30_000)]
    public async Task UnaryAsync_ChannelDefaultTimeout_AppliesWhenCallSetsNone()
    {
        await using var server = await ClientTestServer.StartAsync();
        var client = server.CreateClient(o => o.DefaultTimeout = TimeSpan.FromSeconds(3));

        var response = await client.UnaryAsync(TestMethods.UnaryCall, new UnaryCallRequest());

        Assert.InRange(response.DeadlineMs, 1, 3000);
    }

    [Fact(Timeout = 30_000)]
    public async Task UnaryAsync_ServerSlowerThanDeadline_DeadlineExceeded()
    {
        await using var server = await ClientTestServer.StartAsync();
        var client = server.CreateClient();

        var exception = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync(
            TestMethods.UnaryCall, new UnaryCallRequest { DelayMs = 10_000 }, new CallOptions { Deadline = In(TimeSpan.FromMilliseconds(300)) }));

        Assert.Equal(StatusCode.DeadlineExceeded, exception.StatusCode);
    }

    [Fact(Timeout = 30_000)]
    public async Task UnaryAsync_ServerNeverAnswers_DeadlineExceededLocally()
    {
        var silent = new StubHandler(async (_, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            throw new InvalidOperationException("Unreachable: the delay only ends by cancellation.");
        });
        using var channel = new RpcChannel(new Uri("http://127.0.0.1:1"), silent);
        var client = new RpcClient(channel);

        var exception = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync(
            TestMethods.UnaryCall, new UnaryCallRequest(), new CallOptions { Deadline = In(TimeSpan.FromMilliseconds(200)) }));

        Assert.Equal(StatusCode.DeadlineExceeded, exception.StatusCode);
        Assert.Equal(1, silent.Requests);
    }

    [Fact(Timeout = 30_000)]
    public async Task UnaryAsync_DeadlineAlreadyPassed_DeadlineExceededWithoutSending()
    {
        var handler = new RecordingHandler();
        await using var server = await ClientTestServer.StartAsync();
        var client = server.CreateClient(handler);

        var exception = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync(
            TestMethods.UnaryCall, new UnaryCallRequest(), new CallOptions { Deadline = In(TimeSpan.FromSeconds(-1)) }));

        Assert.Equal(StatusCode.DeadlineExceeded, exception.StatusCode);
        Assert.Equal(0, handler.Requests);
    }

    [Fact(Timeout = 30_000)]
    public async Task OnwardCall_InsideServerCall_InheritsDeadline()
    {
        await using var server = await ClientTestServer.StartAsync();
        var client = server.CreateClient();

        // Forward calls UnaryCall onward without a deadline of its own; UnaryCall reports the deadline it saw.
        var response = await client.UnaryAsync(TestMethods.Forward, new UnaryCallRequest(), new CallOptions { Deadline = In(TimeSpan.FromSeconds(2)) });

        Assert.InRange(response.DeadlineMs, 1, 2000);
        Assert.Equal(StatusCode.OK, await server.Probe.OnwardOutcome);
    }

    [Fact(Timeout = 30_000)]
    public async Task OnwardCall_ServedCallDeadlinePasses_OnwardCallEndsWithDeadlineExceeded()
    {
        await using var server = await ClientTestServer.StartAsync();
        // A raw caller that only sends grpc-timeout: our own client would reset the stream at its deadline,
        // which the server rightly sees as a cancellation rather than its deadline passing.
        using var caller = new RawGrpcClient(server.Server.Http2Address);

        var response = await caller.SendAsync(
            TestMethods.Forward.Path,
            RawGrpcClient.Frame(new UnaryCallRequest { DelayMs = 20_000 }),
            headers: [("grpc-timeout", "2S")],
            cancellationToken: Ct);

        Assert.Equal(StatusCode.DeadlineExceeded, response.GrpcStatus);
        Assert.Equal(StatusCode.DeadlineExceeded, await server.Probe.OnwardOutcome.WaitAsync(TimeSpan.FromSeconds(10), Ct));
    }

    [Fact(Timeout = 30_000)]
    public async Task OnwardCall_IncomingCallCancelled_OnwardCallCancelled()
    {
        await using var server = await ClientTestServer.StartAsync();
        var client = server.CreateClient();
        using var cancellation = new CancellationTokenSource();

        var call = client.UnaryAsync(
            TestMethods.Forward, new UnaryCallRequest { DelayMs = 20_000 }, new CallOptions { CancellationToken = cancellation.Token });
        await server.Probe.OnwardStarted.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        await cancellation.CancelAsync();

        var exception = await Assert.ThrowsAsync<RpcException>(() => call);
        Assert.Equal(StatusCode.Cancelled, exception.StatusCode);
        Assert.Equal(StatusCode.Cancelled, await server.Probe.OnwardOutcome.WaitAsync(TimeSpan.FromSeconds(10), Ct));
    }

    [Fact(Timeout = 30_000)]
    public async Task ServerStreaming_DeadlinePassesMidStream_DeadlineExceededAfterSomeMessages()
    {
        await using var server = await ClientTestServer.StartAsync();
        var client = server.CreateClient();
        var request = new StreamingOutputCallRequest { IntervalMs = 100 };
        request.ResponseSizes.AddRange(Enumerable.Repeat(1, 1000));

        using var call = client.ServerStreaming(TestMethods.StreamingOutputCall, request, new CallOptions { Deadline = In(TimeSpan.FromSeconds(2)) });
        var received = 0;
        var exception = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            while (await call.ResponseStream.MoveNext(Ct))
            {
                received++;
            }
        });

        Assert.Equal(StatusCode.DeadlineExceeded, exception.StatusCode);
        Assert.InRange(received, 1, 999);
    }
}
