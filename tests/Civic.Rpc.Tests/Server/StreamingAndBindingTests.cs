using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using Civic.Contracts.Hotline.V1;
using Civic.Rpc.Server;
using Civic.Rpc.Testing;
using Civic.Testing.V1;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Civic.Rpc.Tests.Server;

public sealed class StreamingAndBindingTests
{
    [Fact]
    public async Task StreamingOutputCall_ClientCancelsMidStream_HandlerIsCancelled()
    {
        await using var server = await RpcTestServer.StartAsync();
        using var http = new HttpClient(new SocketsHttpHandler());
        var request = new StreamingOutputCallRequest { IntervalMs = 50 };
        request.ResponseSizes.Add(Enumerable.Repeat(10, 1_000));
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(server.Http2Address, "/civic.testing.v1.TestService/StreamingOutputCall"))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(RawGrpcClient.Frame(request)),
        };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");

        var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken);
        var first = new byte[5];
        await body.ReadExactlyAsync(first, TestContext.Current.CancellationToken);
        Assert.Equal(0, first[0]);
        Assert.True(BinaryPrimitives.ReadUInt32BigEndian(first.AsSpan(1)) > 0);
        response.Dispose(); // resets the HTTP/2 stream mid-way

        var probe = server.Services.GetRequiredService<HandlerProbe>();
        await probe.StreamCancelled.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.True(probe.StreamCancelled.IsCompletedSuccessfully);
    }

    [Fact]
    public void UseCivicRpc_HandlerMissingAnRpc_FailsAtStartNamingTheRpc()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddCivicRpc();
        builder.Services.AddRpcService<IncompleteHotlineHandler>(HotlineReflection.Descriptor.Services[0]);
        using var app = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.UseCivicRpc());

        Assert.Contains("civic.hotline.v1.HotlineService/GetDepartment has no handler", error.Message, StringComparison.Ordinal);
        Assert.Contains("civic.hotline.v1.HotlineService/CreateDepartment: IncompleteHotlineHandler.CreateDepartment has the wrong signature", error.Message, StringComparison.Ordinal);
        Assert.Contains("Task<CreateDepartmentResponse> CreateDepartment(CreateDepartmentRequest, ServerCallContext)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ListDepartments", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddRpcService_SameServiceTwice_FailsAtStart()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddCivicRpc();
        builder.Services.AddRpcService<TestServiceHandler>(TestServiceReflection.Descriptor.Services[0]);
        builder.Services.AddRpcService<TestServiceHandler>(TestServiceReflection.Descriptor.Services[0]);
        using var app = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.UseCivicRpc());

        Assert.Contains("civic.testing.v1.TestService is registered more than once", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Serves one RPC right, misses one, and gets one signature wrong.</summary>
    private sealed class IncompleteHotlineHandler
    {
        public Task<ListDepartmentsResponse> ListDepartments(ListDepartmentsRequest request, ServerCallContext context) =>
            Task.FromResult(new ListDepartmentsResponse());

        public Task<CreateDepartmentResponse> CreateDepartment(CreateDepartmentRequest request) =>
            Task.FromResult(new CreateDepartmentResponse());
    }
}
