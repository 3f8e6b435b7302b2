using System.Collections.Concurrent;
using System.Net;
using Civic.Contracts.Hotline.V1;
using Civic.Defaults.Clients;
using Civic.Defaults.Services;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Civic.Defaults.Tests.Clients;

/// <summary>
/// The typed clients' resilience against a real h2c server that answers every call UNAVAILABLE
/// (trailers-only, as a service that is shutting down does): only RPCs that are safe to repeat are
/// retried, and a service that keeps failing is cut off by the circuit breaker.
/// </summary>
public sealed class GrpcCallResilienceTests : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, int> _attempts = new(StringComparer.Ordinal);
    private WebApplication? _server;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        _server = builder.Build();
        _server.Run(context =>
        {
            _attempts.AddOrUpdate(context.Request.Path, 1, (_, count) => count + 1);
            context.Response.ContentType = "application/grpc";
            context.Response.Headers["grpc-status"] = "14";
            context.Response.Headers["grpc-message"] = "shutting down";
            return Task.CompletedTask;
        });
        await _server.StartAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [Fact]
    public async Task ReadWithNoSideEffects_Unavailable_RetriedTwice()
    {
        using var services = ClientServices(breakAfter: 100);
        var client = services.GetRequiredService<DepartmentService.DepartmentServiceClient>();

        var exception = await Assert.ThrowsAsync<RpcException>(() => client.GetDepartmentAsync(new GetDepartmentRequest { Id = "x" }, cancellationToken: Cancel).ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, exception.StatusCode);
        Assert.Equal(3, _attempts["/civic.hotline.v1.DepartmentService/GetDepartment"]);
    }

    [Fact]
    public async Task Create_Unavailable_NeverRepeated()
    {
        using var services = ClientServices(breakAfter: 100);
        var client = services.GetRequiredService<DepartmentService.DepartmentServiceClient>();

        var exception = await Assert.ThrowsAsync<RpcException>(() => client.CreateDepartmentAsync(new CreateDepartmentRequest { Code = "x" }, cancellationToken: Cancel).ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, exception.StatusCode);
        Assert.Equal(1, _attempts["/civic.hotline.v1.DepartmentService/CreateDepartment"]);
    }

    [Fact]
    public async Task ServiceKeepsFailing_CircuitOpens_LaterCallsAnsweredUnavailableWithoutReachingIt()
    {
        using var services = ClientServices(breakAfter: 2);
        var client = services.GetRequiredService<DepartmentService.DepartmentServiceClient>();
        for (var i = 0; i < 4; i++)
        {
            await Assert.ThrowsAsync<RpcException>(() => client.CreateDepartmentAsync(new CreateDepartmentRequest { Code = "x" }, cancellationToken: Cancel).ResponseAsync);
        }

        var reached = _attempts["/civic.hotline.v1.DepartmentService/CreateDepartment"];
        var exception = await Assert.ThrowsAsync<RpcException>(() => client.CreateDepartmentAsync(new CreateDepartmentRequest { Code = "x" }, cancellationToken: Cancel).ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, exception.StatusCode);
        Assert.Contains("paused", exception.Status.Detail, StringComparison.Ordinal);
        Assert.True(reached < 4, $"The circuit should have opened before the fourth call; the service was reached {reached} times.");
        Assert.Equal(reached, _attempts["/civic.hotline.v1.DepartmentService/CreateDepartment"]);
    }

    private ServiceProvider ClientServices(int breakAfter)
    {
        var address = _server!.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [CivicServices.Hotline.AddressSetting] = address,
            [$"{GrpcCallResilienceOptions.SectionName}:{nameof(GrpcCallResilienceOptions.RetryDelay)}"] = "00:00:00.010",
            [$"{GrpcCallResilienceOptions.SectionName}:{nameof(GrpcCallResilienceOptions.BreakMinimumThroughput)}"] = breakAfter.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddCivicClient<DepartmentService.DepartmentServiceClient>(CivicServices.Hotline, configuration);
        return services.BuildServiceProvider();
    }
}
