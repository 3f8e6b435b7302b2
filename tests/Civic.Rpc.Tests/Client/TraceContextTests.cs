using System.Diagnostics;
using Civic.Testing.V1;

namespace Civic.Rpc.Tests.Client;

public sealed class TraceContextTests
{
    [Fact(Timeout = 30_000)]
    public async Task UnaryAsync_ActivityCurrent_TraceparentReachesServer()
    {
        await using var server = await ClientTestServer.StartAsync();
        var client = server.CreateClient();
        using var source = new ActivitySource("Civic.Rpc.Tests.Client.Trace");
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == source.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);

        InspectHeadersResponse response;
        string traceId;
        using (var activity = source.StartActivity("outgoing call"))
        {
            Assert.NotNull(activity);
            traceId = activity.TraceId.ToHexString();
            response = await client.UnaryAsync(TestMethods.InspectHeaders, new InspectHeadersRequest { Names = { "traceparent" } });
        }

        Assert.True(response.Headers.TryGetValue("traceparent", out var traceparent), "traceparent header missing");
        Assert.Equal(traceId, traceparent.Split('-')[1]);
    }

    [Fact(Timeout = 30_000)]
    public async Task UnaryAsync_RequestHeaders_CarryGrpcProtocolHeaders()
    {
        await using var server = await ClientTestServer.StartAsync();
        var client = server.CreateClient();

        var response = await client.UnaryAsync(
            TestMethods.InspectHeaders,
            new InspectHeadersRequest { Names = { "te", "content-type", "user-agent", "grpc-accept-encoding" } });

        Assert.Equal("trailers", response.Headers["te"]);
        Assert.Equal("application/grpc", response.Headers["content-type"]);
        Assert.StartsWith("grpc-csharp-civic/", response.Headers["user-agent"], StringComparison.Ordinal);
        Assert.Equal("identity,gzip", response.Headers["grpc-accept-encoding"]);
    }
}
