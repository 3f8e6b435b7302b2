using System.Text;
using Civic.Rpc.Client;
using Civic.Testing.V1;
using Google.Protobuf;

namespace Civic.Rpc.Tests.Client;

public sealed class UnaryCallTests
{
    [Fact(Timeout = 30_000)]
    public async Task UnaryAsync_Echo_ReturnsPayload()
    {
        await using var server = await ClientTestServer.StartAsync();
        var client = server.CreateClient();

        var response = await client.UnaryAsync(TestMethods.UnaryCall, new UnaryCallRequest { Payload = ByteString.CopyFromUtf8("hej") });

        Assert.Equal("hej", response.Payload.ToStringUtf8());
        Assert.Equal(-1, response.DeadlineMs);
    }

    [Fact(Timeout = 30_000)]
    public async Task UnaryAsync_HundredConcurrentCalls_AllSucceedOnOneChannel()
    {
        await using var server = await ClientTestServer.StartAsync();
        var client = server.CreateClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 100).Select(i =>
            client.UnaryAsync(TestMethods.UnaryCall, new UnaryCallRequest { Payload = ByteString.CopyFromUtf8($"call {i}") })));

        Assert.Equal(Enumerable.Range(0, 100).Select(i => $"call {i}"), responses.Select(r => r.Payload.ToStringUtf8()));
    }

    [Fact(Timeout = 30_000)]
    public async Task UnaryAsync_ErrorWithDetails_ThrowsStatusMessageAndBadRequest()
    {
        await using var server = await ClientTestServer.StartAsync();
        var client = server.CreateClient();
        const string message = "Navnet mangler – skriv dit fulde navn (æøå, 100%)";

        var exception = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync(TestMethods.UnaryCall, new UnaryCallRequest
        {
            ResponseStatus = new EchoStatus { Code = (int)StatusCode.InvalidArgument, Message = message },
            ViolationField = "name",
        }));

        Assert.Equal(StatusCode.InvalidArgument, exception.StatusCode);
        Assert.Equal(message, exception.Status.Detail);
        Assert.Equal((int)StatusCode.InvalidArgument, exception.GetRpcStatus()?.Code);
        var violation = Assert.Single(exception.GetBadRequest()!.FieldViolations);
        Assert.Equal("name", violation.Field);
        Assert.Equal(message, violation.Description);
    }

    [Fact(Timeout = 30_000)]
    public async Task UnaryAsync_HandlerThrows_InternalWithoutSecrets()
    {
        await using var server = await ClientTestServer.StartAsync();
        var client = server.CreateClient();

        var exception = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync(TestMethods.UnaryCall, new UnaryCallRequest { ThrowException = true }));

        Assert.Equal(StatusCode.Internal, exception.StatusCode);
        Assert.DoesNotContain("Secret", exception.Status.Detail, StringComparison.Ordinal);
        Assert.Null(exception.GetRpcStatus());
    }

    [Fact(Timeout = 30_000)]
    public async Task UnaryAsync_ServiceNotServed_Unimplemented()
    {
        await using var server = await ClientTestServer.StartAsync();
        var client = server.CreateClient();
        var check = RpcMethod.Create<Grpc.Health.V1.HealthCheckRequest, Grpc.Health.V1.HealthCheckResponse>(
            Grpc.Health.V1.HealthReflection.Descriptor.Services[0].FindMethodByName("Check"));

        var exception = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync(check, new Grpc.Health.V1.HealthCheckRequest()));

        Assert.Equal(StatusCode.Unimplemented, exception.StatusCode);
    }

    [Fact(Timeout = 30_000)]
    public async Task UnaryWithMetadataAsync_TextAndBinaryMetadata_EchoedInHeadersAndTrailers()
    {
        await using var server = await ClientTestServer.StartAsync();
        var client = server.CreateClient();
        byte[] binary = [0, 1, 2, 250, 255];
        var headers = new Metadata { { "x-echo-text", "hej med dig" }, { "x-echo-data-bin", binary } };

        var response = await client.UnaryWithMetadataAsync(
            TestMethods.UnaryCall, new UnaryCallRequest { EchoMetadata = true }, new CallOptions { Headers = headers });

        Assert.Equal("hej med dig", response.Headers.GetValue("x-echo-text"));
        Assert.Equal(binary, response.Headers.GetValueBytes("x-echo-data-bin"));
        Assert.Equal("hej med dig", response.Trailers.GetValue("x-echo-text"));
        Assert.Equal(binary, response.Trailers.GetValueBytes("x-echo-data-bin"));
        Assert.DoesNotContain(response.Trailers, e => e.Key.StartsWith("grpc-", StringComparison.Ordinal));
    }

    [Fact(Timeout = 30_000)]
    public async Task UnaryAsync_ErrorStatus_TrailersCarryMetadata()
    {
        await using var server = await ClientTestServer.StartAsync();
        var client = server.CreateClient();
        var headers = new Metadata { { "x-echo-reason", "quota" } };

        var exception = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync(
            TestMethods.UnaryCall,
            new UnaryCallRequest { EchoMetadata = true, ResponseStatus = new EchoStatus { Code = (int)StatusCode.FailedPrecondition, Message = "no" } },
            new CallOptions { Headers = headers }));

        Assert.Equal(StatusCode.FailedPrecondition, exception.StatusCode);
        Assert.Equal("quota", exception.Trailers.GetValue("x-echo-reason"));
    }

    [Fact]
    public async Task UnaryAsync_ReservedHeaderInMetadata_ThrowsArgumentException()
    {
        await using var server = await ClientTestServer.StartAsync();
        var client = server.CreateClient();
        var headers = new Metadata { { "content-type", "text/plain" } };

        await Assert.ThrowsAsync<ArgumentException>(() =>
            client.UnaryAsync(TestMethods.UnaryCall, new UnaryCallRequest(), new CallOptions { Headers = headers }));
    }

    [Fact(Timeout = 30_000)]
    public async Task UnaryAsync_RequestOverClientSendLimit_ResourceExhaustedWithoutSending()
    {
        var handler = new RecordingHandler();
        await using var server = await ClientTestServer.StartAsync();
        var client = server.CreateClient(handler, o => o.MaxSendMessageSize = 1024);

        var exception = await Assert.ThrowsAsync<RpcException>(() =>
            client.UnaryAsync(TestMethods.UnaryCall, new UnaryCallRequest { Payload = ByteString.CopyFrom(new byte[2048]) }));

        Assert.Equal(StatusCode.ResourceExhausted, exception.StatusCode);
        Assert.Equal(0, handler.Requests);
    }

    [Fact(Timeout = 30_000)]
    public async Task UnaryAsync_ResponseOverClientReceiveLimit_ResourceExhausted()
    {
        await using var server = await ClientTestServer.StartAsync();
        var client = server.CreateClient(o => o.MaxReceiveMessageSize = 1024);

        var exception = await Assert.ThrowsAsync<RpcException>(() =>
            client.UnaryAsync(TestMethods.UnaryCall, new UnaryCallRequest { ResponseSize = 4096 }));

        Assert.Equal(StatusCode.ResourceExhausted, exception.StatusCode);
        Assert.Contains("1024", exception.Status.Detail, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task UnaryAsync_RequestOverServerReceiveLimit_ResourceExhaustedFromServer()
    {
        await using var server = await ClientTestServer.StartAsync(o => o.MaxReceiveMessageSize = 16 * 1024);
        var client = server.CreateClient();

        var exception = await Assert.ThrowsAsync<RpcException>(() =>
            client.UnaryAsync(TestMethods.UnaryCall, new UnaryCallRequest { Payload = ByteString.CopyFrom(new byte[64 * 1024]) }));

        Assert.Equal(StatusCode.ResourceExhausted, exception.StatusCode);
        Assert.Contains("limit", exception.Status.Detail, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task UnaryAsync_GzipRequests_ServerDecompressesAndHeaderSent()
    {
        var handler = new RecordingHandler();
        await using var server = await ClientTestServer.StartAsync();
        var client = server.CreateClient(handler, o => o.CompressRequests = true);
        var payload = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("borgerpanel ", 2000)));

        var response = await client.UnaryAsync(TestMethods.UnaryCall, new UnaryCallRequest { Payload = ByteString.CopyFrom(payload) });

        Assert.Equal(payload, response.Payload.ToByteArray());
        Assert.Equal("gzip", Assert.Single(handler.LastRequestHeaders!.GetValues("grpc-encoding")));
        Assert.Equal("identity,gzip", Assert.Single(handler.LastRequestHeaders!.GetValues("grpc-accept-encoding")));
    }

    [Fact(Timeout = 30_000)]
    public async Task UnaryAsync_GzipResponses_ClientDecompresses()
    {
        var handler = new RecordingHandler();
        await using var server = await ClientTestServer.StartAsync(o => o.CompressResponses = true);
        var client = server.CreateClient(handler);

        var response = await client.UnaryAsync(TestMethods.UnaryCall, new UnaryCallRequest { ResponseSize = 100_000 });

        Assert.Equal(100_000, response.Payload.Length);
        Assert.Equal("gzip", Assert.Single(handler.LastResponseHeaders!.GetValues("grpc-encoding")));
    }

    [Fact(Timeout = 30_000)]
    public async Task UnaryAsync_ConnectionRefused_Unavailable()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var channel = RpcChannel.ForAddress(new Uri($"http://127.0.0.1:{port}"), new RpcChannelOptions
        {
            Resilience = { MaxRetryAttempts = 0 },
        });
        var client = new RpcClient(channel);

        var exception = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync(TestMethods.UnaryCall, new UnaryCallRequest()));

        Assert.Equal(StatusCode.Unavailable, exception.StatusCode);
        Assert.IsType<HttpRequestException>(exception.InnerException);
    }

    [Fact(Timeout = 30_000)]
    public async Task UnaryAsync_CallerCancels_Cancelled()
    {
        await using var server = await ClientTestServer.StartAsync();
        var client = server.CreateClient();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var exception = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync(
            TestMethods.UnaryCall, new UnaryCallRequest { DelayMs = 20_000 }, new CallOptions { CancellationToken = cancellation.Token }));

        Assert.Equal(StatusCode.Cancelled, exception.StatusCode);
    }

    [Fact]
    public async Task UnaryAsync_StreamingMethod_ThrowsArgumentException()
    {
        await using var server = await ClientTestServer.StartAsync();
        var client = server.CreateClient();
        var wrongKind = RpcMethod.Create<StreamingOutputCallRequest, StreamingOutputCallResponse>(
            TestServiceReflection.Descriptor.Services[0].FindMethodByName("StreamingOutputCall"));

        await Assert.ThrowsAsync<ArgumentException>(() => client.UnaryAsync(wrongKind, new StreamingOutputCallRequest()));
    }
}
