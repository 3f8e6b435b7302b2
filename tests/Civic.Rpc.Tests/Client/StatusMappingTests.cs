using System.Net;
using Civic.Rpc.Client;
using Civic.Testing.V1;

namespace Civic.Rpc.Tests.Client;

/// <summary>How responses that are not a clean gRPC answer (from proxies, broken peers) become statuses.</summary>
public sealed class StatusMappingTests
{
    private static RpcClient ClientFor(StubHandler stub) =>
        new(new RpcChannel(new Uri("http://127.0.0.1:1"), stub, new RpcChannelOptions
        {
            Resilience = { MaxRetryAttempts = 0, EnableCircuitBreaker = false },
        }));

    [Theory(Timeout = 30_000)]
    [InlineData(HttpStatusCode.BadRequest, StatusCode.Internal)]
    [InlineData(HttpStatusCode.Unauthorized, StatusCode.Unauthenticated)]
    [InlineData(HttpStatusCode.Forbidden, StatusCode.PermissionDenied)]
    [InlineData(HttpStatusCode.NotFound, StatusCode.Unimplemented)]
    [InlineData(HttpStatusCode.TooManyRequests, StatusCode.Unavailable)]
    [InlineData(HttpStatusCode.BadGateway, StatusCode.Unavailable)]
    [InlineData(HttpStatusCode.ServiceUnavailable, StatusCode.Unavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout, StatusCode.Unavailable)]
    [InlineData(HttpStatusCode.InternalServerError, StatusCode.Unknown)]
    public async Task UnaryAsync_HttpErrorWithoutGrpcStatus_MappedAsSpecSays(HttpStatusCode httpStatus, StatusCode expected)
    {
        var client = ClientFor(new StubHandler(() => StubHandler.Http(httpStatus, "text/html")));

        var exception = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync(TestMethods.UnaryCall, new UnaryCallRequest()));

        Assert.Equal(expected, exception.StatusCode);
        Assert.Contains(((int)httpStatus).ToString(System.Globalization.CultureInfo.InvariantCulture), exception.Status.Detail, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task UnaryAsync_HttpErrorWithGrpcStatus_GrpcStatusWins()
    {
        var client = ClientFor(new StubHandler(() => StubHandler.TrailersOnly(StatusCode.ResourceExhausted, "slow down", HttpStatusCode.TooManyRequests)));

        var exception = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync(TestMethods.UnaryCall, new UnaryCallRequest()));

        Assert.Equal(StatusCode.ResourceExhausted, exception.StatusCode);
        Assert.Equal("slow down", exception.Status.Detail);
    }

    [Fact(Timeout = 30_000)]
    public async Task UnaryAsync_PercentEncodedMessage_Decoded()
    {
        var client = ClientFor(new StubHandler(() => StubHandler.TrailersOnly(StatusCode.NotFound, "Borger%C3%B8nsket findes ikke %25")));

        var exception = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync(TestMethods.UnaryCall, new UnaryCallRequest()));

        Assert.Equal(StatusCode.NotFound, exception.StatusCode);
        Assert.Equal("Borgerønsket findes ikke %", exception.Status.Detail);
    }

    [Fact(Timeout = 30_000)]
    public async Task UnaryAsync_OkWithNonGrpcContentType_Unknown()
    {
        var client = ClientFor(new StubHandler(() => StubHandler.Http(HttpStatusCode.OK, "text/html")));

        var exception = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync(TestMethods.UnaryCall, new UnaryCallRequest()));

        Assert.Equal(StatusCode.Unknown, exception.StatusCode);
        Assert.Contains("text/html", exception.Status.Detail, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task UnaryAsync_ResponseWithoutGrpcStatus_Unknown()
    {
        var client = ClientFor(new StubHandler(() =>
        {
            var response = StubHandler.WithMessage(new UnaryCallResponse(), StatusCode.OK);
            response.TrailingHeaders.Clear();
            return response;
        }));

        var exception = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync(TestMethods.UnaryCall, new UnaryCallRequest()));

        Assert.Equal(StatusCode.Unknown, exception.StatusCode);
        Assert.Contains("grpc-status", exception.Status.Detail, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task UnaryAsync_InvalidGrpcStatus_Unknown()
    {
        var client = ClientFor(new StubHandler(() =>
        {
            var response = StubHandler.Http(HttpStatusCode.OK, "application/grpc");
            response.Headers.TryAddWithoutValidation("grpc-status", "99");
            return response;
        }));

        var exception = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync(TestMethods.UnaryCall, new UnaryCallRequest()));

        Assert.Equal(StatusCode.Unknown, exception.StatusCode);
    }

    [Fact(Timeout = 30_000)]
    public async Task UnaryAsync_OkWithoutMessage_Internal()
    {
        var client = ClientFor(new StubHandler(() => StubHandler.TrailersOnly(StatusCode.OK)));

        var exception = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync(TestMethods.UnaryCall, new UnaryCallRequest()));

        Assert.Equal(StatusCode.Internal, exception.StatusCode);
    }

    [Fact(Timeout = 30_000)]
    public async Task UnaryAsync_TruncatedMessage_Internal()
    {
        var client = ClientFor(new StubHandler(() =>
        {
            var response = StubHandler.Http(HttpStatusCode.OK, "application/grpc");
            response.Content = new ByteArrayContent([0, 0, 0, 0, 10, 1, 2]);
            response.Content.Headers.ContentType = new("application/grpc");
            response.TrailingHeaders.TryAddWithoutValidation("grpc-status", "0");
            return response;
        }));

        var exception = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync(TestMethods.UnaryCall, new UnaryCallRequest()));

        Assert.Equal(StatusCode.Internal, exception.StatusCode);
    }
}
