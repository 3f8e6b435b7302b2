using System.Net;
using Civic.Contracts.Hotline.V1;
using Civic.Gateway.Proxy;
using Civic.Gateway.Tests.Infrastructure;
using Civic.Defaults.Services;
using Civic.Testing.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace Civic.Gateway.Tests.Proxy;

[Collection(ClusterCollection.Name)]
public sealed class GrpcProxyTests(CivicCluster cluster)
{
    [Fact]
    public async Task Call_ServiceDown_UnavailableNamingTheService()
    {
        await using var gateway = cluster.StartGateway(new Dictionary<string, string?>
        {
            [CivicServices.Hotline.AddressSetting] = "http://127.0.0.1:1",
        });
        using var channel = GrpcChannel.ForAddress(gateway.Addresses[1]);

        var exception = await Assert.ThrowsAsync<RpcException>(async () =>
            await new DepartmentService.DepartmentServiceClient(channel).ListDepartmentsAsync(new ListDepartmentsRequest(), Options(TimeSpan.FromSeconds(10))));

        Assert.Equal(StatusCode.Unavailable, exception.StatusCode);
        Assert.Contains("hotline", exception.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerStream_LongerThanAnyMessageGap_ArrivesWholeWithItsStatus()
    {
        using var channel = GrpcChannel.ForAddress(cluster.GatewayGrpc);
        using var call = new TestService.TestServiceClient(channel).StreamingOutputCall(
            new StreamingOutputCallRequest { ResponseSizes = { 5, 5, 5, 5 }, IntervalMs = 400 }, Options(TimeSpan.FromSeconds(20)));

        var sizes = new List<int>();
        while (await call.ResponseStream.MoveNext(TestContext.Current.CancellationToken))
        {
            sizes.Add(call.ResponseStream.Current.Payload.Length);
        }

        Assert.Equal([5, 5, 5, 5], sizes);
    }

    [Fact]
    public async Task ServerStream_DeadlineShorterThanTheStream_DeadlineExceededThroughTheGateway()
    {
        using var channel = GrpcChannel.ForAddress(cluster.GatewayGrpc);
        using var call = new TestService.TestServiceClient(channel).StreamingOutputCall(
            new StreamingOutputCallRequest { ResponseSizes = { 1, 1, 1, 1, 1, 1 }, IntervalMs = 300 }, Options(TimeSpan.FromMilliseconds(800)));

        var received = 0;
        var exception = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            while (await call.ResponseStream.MoveNext(TestContext.Current.CancellationToken))
            {
                received++;
            }
        });

        Assert.Equal(StatusCode.DeadlineExceeded, exception.StatusCode);
        Assert.InRange(received, 1, 5);
    }

    [Fact]
    public async Task HealthProbe_LiveService_200()
    {
        using var handler = new GrpcHealthProbeHandler(new SocketsHttpHandler());
        using var invoker = new HttpMessageInvoker(handler);

        using var response = await invoker.SendAsync(new GrpcHealthProbeRequest(new Uri(cluster.Hotline.Addresses[0], "grpc.health.v1.Health/Check"), ""), TestContext.Current.CancellationToken);
        using var unknownService = await invoker.SendAsync(new GrpcHealthProbeRequest(new Uri(cluster.Hotline.Addresses[0], "grpc.health.v1.Health/Check"), "no.such.Service"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, unknownService.StatusCode);
    }

    [Fact]
    public async Task HealthProbe_NotGrpc_PassesThroughUntouched()
    {
        using var handler = new GrpcHealthProbeHandler(new SocketsHttpHandler());
        using var invoker = new HttpMessageInvoker(handler);

        using var response = await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(cluster.GatewayWeb, "healthz")), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    private static CallOptions Options(TimeSpan timeout) =>
        new(deadline: TimeProvider.System.GetUtcNow().UtcDateTime + timeout, cancellationToken: TestContext.Current.CancellationToken);

}
