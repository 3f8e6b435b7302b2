using System.Net;
using Civic.Rpc.Client;
using Civic.Testing.V1;
using Google.Protobuf;

namespace Civic.Rpc.Tests.Client;

public sealed class ResilienceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static void FastRetries(RpcChannelOptions options)
    {
        options.Resilience.RetryBaseDelay = TimeSpan.FromMilliseconds(5);
        options.Resilience.RetryMaxDelay = TimeSpan.FromMilliseconds(20);
    }

    [Fact(Timeout = 30_000)]
    public async Task UnaryAsync_IdempotentUnavailableTwice_RetriedAndSucceeds()
    {
        var handler = new RecordingHandler { FailFirst = 2 };
        await using var server = await ClientTestServer.StartAsync();
        var client = server.CreateClient(handler, FastRetries);

        var response = await client.UnaryAsync(TestMethods.UnaryCall, new UnaryCallRequest { Payload = ByteString.CopyFromUtf8("ok") });

        Assert.Equal("ok", response.Payload.ToStringUtf8());
        Assert.Equal(3, handler.Requests);
    }

    [Fact(Timeout = 30_000)]
    public async Task UnaryAsync_IdempotentAlwaysUnavailable_GivesUpAfterMaxRetries()
    {
        var stub = new StubHandler(() => StubHandler.TrailersOnly(StatusCode.Unavailable, "down"));
        await using var server = await ClientTestServer.StartAsync();
        var client = server.CreateClient(stub, o =>
        {
            FastRetries(o);
            o.Resilience.MaxRetryAttempts = 2;
            o.Resilience.EnableCircuitBreaker = false;
        });

        var exception = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync(TestMethods.UnaryCall, new UnaryCallRequest()));

        Assert.Equal(StatusCode.Unavailable, exception.StatusCode);
        Assert.Equal("down", exception.Status.Detail);
        Assert.Equal(3, stub.Requests);
    }

    [Fact(Timeout = 30_000)]
    public async Task UnaryAsync_NotIdempotentUnavailable_NotRetried()
    {
        var handler = new RecordingHandler { FailFirst = 1 };
        await using var server = await ClientTestServer.StartAsync();
        var client = server.CreateClient(handler, FastRetries);

        var exception = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync(TestMethods.Forward, new UnaryCallRequest()));

        Assert.Equal(StatusCode.Unavailable, exception.StatusCode);
        Assert.Equal(1, handler.Requests);
    }

    [Fact(Timeout = 30_000)]
    public async Task UnaryAsync_IdempotentOtherError_NotRetried()
    {
        var stub = new StubHandler(() => StubHandler.TrailersOnly(StatusCode.Internal, "bug"));
        await using var server = await ClientTestServer.StartAsync();
        var client = server.CreateClient(stub, FastRetries);

        var exception = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync(TestMethods.UnaryCall, new UnaryCallRequest()));

        Assert.Equal(StatusCode.Internal, exception.StatusCode);
        Assert.Equal(1, stub.Requests);
    }

    [Fact(Timeout = 30_000)]
    public async Task UnaryAsync_UnavailableAfterResponseMessage_NotRetried()
    {
        var stub = new StubHandler(() => StubHandler.WithMessage(new UnaryCallResponse { DeadlineMs = 7 }, StatusCode.Unavailable));
        await using var server = await ClientTestServer.StartAsync();
        var client = server.CreateClient(stub, FastRetries);

        var exception = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync(TestMethods.UnaryCall, new UnaryCallRequest()));

        Assert.Equal(StatusCode.Unavailable, exception.StatusCode);
        Assert.Equal(1, stub.Requests);
    }

    [Fact(Timeout = 30_000)]
    public async Task ServerStreaming_NotIdempotentUnavailable_NotRetried()
    {
        var handler = new RecordingHandler { FailFirst = 1 };
        await using var server = await ClientTestServer.StartAsync();
        var client = server.CreateClient(handler, FastRetries);

        using var call = client.ServerStreaming(TestMethods.StreamingOutputCall, new StreamingOutputCallRequest { ResponseSizes = { 1 } });

        var exception = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(Ct));
        Assert.Equal(StatusCode.Unavailable, exception.StatusCode);
        Assert.Equal(1, handler.Requests);
    }

    [Fact(Timeout = 30_000)]
    public async Task DuplexStreaming_Unavailable_NotRetried()
    {
        var handler = new RecordingHandler { FailFirst = 1 };
        await using var server = await ClientTestServer.StartAsync();
        var client = server.CreateClient(handler, FastRetries);

        using var call = client.DuplexStreaming(TestMethods.FullDuplexCall);

        var exception = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(Ct));
        Assert.Equal(StatusCode.Unavailable, exception.StatusCode);
        Assert.Equal(1, handler.Requests);
    }

    [Fact(Timeout = 30_000)]
    public async Task CircuitBreaker_RepeatedUnavailable_OpensAndFailsFast()
    {
        var stub = new StubHandler(() => StubHandler.TrailersOnly(StatusCode.Unavailable, "down"));
        await using var server = await ClientTestServer.StartAsync();
        var client = server.CreateClient(stub, o =>
        {
            o.Resilience.MaxRetryAttempts = 0;
            o.Resilience.CircuitMinimumThroughput = 3;
            o.Resilience.CircuitFailureRatio = 0.5;
            o.Resilience.CircuitBreakDuration = TimeSpan.FromMinutes(1);
        });

        for (var i = 0; i < 3; i++)
        {
            var failure = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync(TestMethods.UnaryCall, new UnaryCallRequest()));
            Assert.Equal("down", failure.Status.Detail);
        }

        var fastFailure = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync(TestMethods.UnaryCall, new UnaryCallRequest()));

        Assert.Equal(StatusCode.Unavailable, fastFailure.StatusCode);
        Assert.Contains("circuit open", fastFailure.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(3, stub.Requests);
    }

    [Fact(Timeout = 30_000)]
    public async Task CircuitBreaker_ApplicationErrors_StaysClosed()
    {
        var stub = new StubHandler(() => StubHandler.TrailersOnly(StatusCode.InvalidArgument, "bad input"));
        await using var server = await ClientTestServer.StartAsync();
        var client = server.CreateClient(stub, o => o.Resilience.CircuitMinimumThroughput = 2);

        for (var i = 0; i < 6; i++)
        {
            var exception = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync(TestMethods.UnaryCall, new UnaryCallRequest()));
            Assert.Equal(StatusCode.InvalidArgument, exception.StatusCode);
        }

        Assert.Equal(6, stub.Requests);
    }

    [Fact(Timeout = 30_000)]
    public async Task CircuitBreaker_ServerNeverAnswersBeforeDeadline_CountsAsFailure()
    {
        var silent = new StubHandler(async (_, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            throw new InvalidOperationException("Unreachable: the delay only ends by cancellation.");
        });
        using var channel = new RpcChannel(new Uri("http://127.0.0.1:1"), silent, new RpcChannelOptions
        {
            DefaultTimeout = TimeSpan.FromMilliseconds(50),
            Resilience = { CircuitMinimumThroughput = 2, CircuitBreakDuration = TimeSpan.FromMinutes(1) },
        });
        var client = new RpcClient(channel);

        for (var i = 0; i < 2; i++)
        {
            var timeout = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync(TestMethods.UnaryCall, new UnaryCallRequest()));
            Assert.Equal(StatusCode.DeadlineExceeded, timeout.StatusCode);
        }

        var fastFailure = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync(TestMethods.UnaryCall, new UnaryCallRequest()));

        Assert.Equal(StatusCode.Unavailable, fastFailure.StatusCode);
        Assert.Equal(2, silent.Requests);
    }

    [Fact(Timeout = 30_000)]
    public async Task CircuitBreaker_PerClient_OtherClientOnSameChannelUnaffected()
    {
        var calls = 0;
        var stub = new StubHandler(() => Interlocked.Increment(ref calls) <= 2
            ? StubHandler.TrailersOnly(StatusCode.Unavailable, "down")
            : StubHandler.WithMessage(new UnaryCallResponse(), StatusCode.OK));
        using var channel = new RpcChannel(new Uri("http://127.0.0.1:1"), stub, new RpcChannelOptions
        {
            Resilience = { MaxRetryAttempts = 0, CircuitMinimumThroughput = 2, CircuitBreakDuration = TimeSpan.FromMinutes(1) },
        });
        var failing = new RpcClient(channel);
        var other = new RpcClient(channel);

        await Assert.ThrowsAsync<RpcException>(() => failing.UnaryAsync(TestMethods.UnaryCall, new UnaryCallRequest()));
        await Assert.ThrowsAsync<RpcException>(() => failing.UnaryAsync(TestMethods.UnaryCall, new UnaryCallRequest()));
        var open = await Assert.ThrowsAsync<RpcException>(() => failing.UnaryAsync(TestMethods.UnaryCall, new UnaryCallRequest()));

        Assert.Contains("circuit open", open.Status.Detail, StringComparison.Ordinal);
        Assert.NotNull(await other.UnaryAsync(TestMethods.UnaryCall, new UnaryCallRequest()));
    }

    [Fact(Timeout = 30_000)]
    public async Task UnaryAsync_ProxyAnswers503_MappedToUnavailableAndRetried()
    {
        var calls = 0;
        var stub = new StubHandler(() => Interlocked.Increment(ref calls) == 1
            ? StubHandler.Http(HttpStatusCode.ServiceUnavailable, "text/plain")
            : StubHandler.WithMessage(new UnaryCallResponse { DeadlineMs = 42 }, StatusCode.OK));
        using var channel = new RpcChannel(new Uri("http://127.0.0.1:1"), stub, new RpcChannelOptions
        {
            Resilience = { RetryBaseDelay = TimeSpan.FromMilliseconds(5), RetryMaxDelay = TimeSpan.FromMilliseconds(5) },
        });
        var client = new RpcClient(channel);

        var response = await client.UnaryAsync(TestMethods.UnaryCall, new UnaryCallRequest());

        Assert.Equal(42, response.DeadlineMs);
        Assert.Equal(2, stub.Requests);
    }
}
