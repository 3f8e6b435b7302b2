using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using Civic.Rpc.Testing;
using Civic.Rpc.Tests.Server;
using Google.Protobuf;
using Grpc.Health.V1;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using V1Alpha = Grpc.Reflection.V1Alpha;

namespace Civic.Rpc.Tests.Health;

/// <summary>The health and reflection services on a real Kestrel server, through the RPC middleware.</summary>
public sealed class HealthAndReflectionOverHttp2Tests : IAsyncLifetime
{
    private RpcTestServer _server = null!;
    private RawGrpcClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await RpcTestServer.StartAsync(configureServices: services =>
        {
            services.AddRpcHealth();
            services.AddRpcReflection();
        });
        _client = new RawGrpcClient(_server.Http2Address);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Check_ServedServiceOverHttp2_Serving()
    {
        var request = new HealthCheckRequest { Service = "civic.testing.v1.TestService" };

        var response = await _client.SendAsync(
            "/grpc.health.v1.Health/Check", RawGrpcClient.Frame(request), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(StatusCode.OK, response.GrpcStatus);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Message(HealthCheckResponse.Parser).Status);
    }

    [Fact]
    public async Task Check_UnknownServiceOverHttp2_NotFound()
    {
        var request = new HealthCheckRequest { Service = "civic.nowhere.v1.Missing" };

        var response = await _client.SendAsync(
            "/grpc.health.v1.Health/Check", RawGrpcClient.Frame(request), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(StatusCode.NotFound, response.GrpcStatus);
    }

    [Fact]
    public async Task ServerReflectionInfo_V1AlphaOverHttp2_AnswersEveryRequestInOrder()
    {
        byte[] body =
        [
            .. RawGrpcClient.Frame(new V1Alpha.ServerReflectionRequest { ListServices = "" }),
            .. RawGrpcClient.Frame(new V1Alpha.ServerReflectionRequest { FileContainingSymbol = "grpc.health.v1.Health" }),
        ];

        var response = await _client.SendAsync(
            "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo", body, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(StatusCode.OK, response.GrpcStatus);
        var answers = ReadMessages(response.Body, V1Alpha.ServerReflectionResponse.Parser);
        Assert.Equal(2, answers.Count);
        Assert.Equal(
            ["civic.testing.v1.TestService", "grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection"],
            answers[0].ListServicesResponse.Service.Select(s => s.Name));
        Assert.Equal(HealthReflection.Descriptor.SerializedData, answers[1].FileDescriptorResponse.FileDescriptorProto[0]);
    }

    [Fact]
    public async Task Watch_ApplicationStopping_SendsNotServingAndEndsTheCall()
    {
        await using var server = await RpcTestServer.StartAsync(configureServices: services => services.AddRpcHealth());
        using var http = new HttpClient { BaseAddress = server.Http2Address };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/grpc.health.v1.Health/Watch")
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(RawGrpcClient.Frame(new HealthCheckRequest())),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.TryAddWithoutValidation("te", "trailers");
        var cancellationToken = TestContext.Current.CancellationToken;

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var initial = await ReadMessageAsync(body, HealthCheckResponse.Parser, cancellationToken);
        // What SIGTERM does under app.Run(): the graceful shutdown begins with ApplicationStopping.
        server.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
        var onShutdown = await ReadMessageAsync(body, HealthCheckResponse.Parser, cancellationToken);
        var rest = new MemoryStream();
        await body.CopyToAsync(rest, cancellationToken).WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, initial.Status);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.NotServing, onShutdown.Status);
        Assert.Equal(0, rest.Length);
        Assert.Equal("0", string.Join(",", response.TrailingHeaders.GetValues("grpc-status")));
    }

    private static async Task<T> ReadMessageAsync<T>(Stream body, MessageParser<T> parser, CancellationToken cancellationToken)
        where T : IMessage<T>
    {
        var prefix = new byte[5];
        await body.ReadExactlyAsync(prefix, cancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
        var message = new byte[BinaryPrimitives.ReadUInt32BigEndian(prefix.AsSpan(1))];
        await body.ReadExactlyAsync(message, cancellationToken);
        return parser.ParseFrom(message);
    }

    private static List<T> ReadMessages<T>(byte[] body, MessageParser<T> parser)
        where T : IMessage<T>
    {
        var messages = new List<T>();
        var rest = body.AsSpan();
        while (rest.Length > 0)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(rest[1..]);
            messages.Add(parser.ParseFrom(rest.Slice(5, length)));
            rest = rest[(5 + length)..];
        }

        return messages;
    }
}
