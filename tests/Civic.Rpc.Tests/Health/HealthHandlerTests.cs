using Civic.Rpc.Health;
using Grpc.Health.V1;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Civic.Rpc.Tests.Health;

public sealed class HealthHandlerTests
{
    private const string CheckMethod = "/grpc.health.v1.Health/Check";
    private const string WatchMethod = "/grpc.health.v1.Health/Watch";
    private static readonly TimeSpan PastCache = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task Check_WholeServerWhileReady_ReturnsServing()
    {
        await using var host = new HealthTestHost();

        var status = await CheckAsync(host, string.Empty);

        Assert.Equal(ServingStatus.Serving, status);
    }

    [Theory]
    [InlineData("grpc.health.v1.Health")]
    [InlineData("grpc.reflection.v1.ServerReflection")]
    [InlineData("grpc.reflection.v1alpha.ServerReflection")]
    public async Task Check_ServedService_ReturnsServing(string service)
    {
        await using var host = new HealthTestHost();

        var status = await CheckAsync(host, service);

        Assert.Equal(ServingStatus.Serving, status);
    }

    [Fact]
    public async Task Check_UnknownService_ThrowsNotFound()
    {
        await using var host = new HealthTestHost();

        var error = await Assert.ThrowsAsync<RpcException>(() => CheckAsync(host, "civic.nowhere.v1.Missing"));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Contains("civic.nowhere.v1.Missing", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_ReadyCheckStartsFailing_FlipsToNotServingAndBack()
    {
        await using var host = new HealthTestHost();
        Assert.Equal(ServingStatus.Serving, await CheckAsync(host, string.Empty));

        host.Database.Status = HealthStatus.Unhealthy;
        host.Time.Advance(PastCache);
        var whileFailing = await CheckAsync(host, "grpc.health.v1.Health");
        host.Database.Status = HealthStatus.Healthy;
        host.Time.Advance(PastCache);
        var afterRecovery = await CheckAsync(host, "grpc.health.v1.Health");

        Assert.Equal(ServingStatus.NotServing, whileFailing);
        Assert.Equal(ServingStatus.Serving, afterRecovery);
    }

    [Fact]
    public async Task Check_ReadyCheckDegraded_ReturnsServing()
    {
        await using var host = new HealthTestHost();
        host.Database.Status = HealthStatus.Degraded;

        var status = await CheckAsync(host, string.Empty);

        Assert.Equal(ServingStatus.Serving, status);
    }

    [Fact]
    public async Task Check_OnlyUntaggedCheckFails_ReturnsServing()
    {
        // HealthTestHost registers an always-Unhealthy check without the "ready" tag.
        await using var host = new HealthTestHost();

        var status = await CheckAsync(host, string.Empty);

        Assert.Equal(ServingStatus.Serving, status);
    }

    [Fact]
    public async Task Check_ManyProbesWithinCacheDuration_RunReadyChecksOnce()
    {
        await using var host = new HealthTestHost();

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => CheckAsync(host, string.Empty)));
        host.Time.Advance(TimeSpan.FromMilliseconds(500));
        await CheckAsync(host, string.Empty);
        var runsWithinCache = host.Database.Runs;
        host.Time.Advance(PastCache);
        await CheckAsync(host, string.Empty);

        Assert.Equal(1, runsWithinCache);
        Assert.Equal(2, host.Database.Runs);
    }

    [Fact]
    public async Task Check_ApplicationStopping_ReturnsNotServingWithoutWaitingForCache()
    {
        await using var host = new HealthTestHost();
        Assert.Equal(ServingStatus.Serving, await CheckAsync(host, string.Empty));

        host.Lifetime.StopApplication();

        Assert.Equal(ServingStatus.NotServing, await CheckAsync(host, string.Empty));
        Assert.Equal(ServingStatus.NotServing, await CheckAsync(host, "grpc.health.v1.Health"));
    }

    [Fact]
    public async Task List_Ready_ReportsWholeServerAndEveryServedService()
    {
        await using var host = new HealthTestHost();
        using var call = new TestCall("/grpc.health.v1.Health/List");

        var response = await host.Handler.List(new HealthListRequest(), call.Context);

        Assert.Equal(
            ["", "grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection"],
            response.Statuses.Keys.Order(StringComparer.Ordinal));
        Assert.All(response.Statuses.Values, s => Assert.Equal(ServingStatus.Serving, s.Status));
    }

    [Fact]
    public async Task Watch_StatusChangesOverTime_SendsCurrentStatusThenOnlyChanges()
    {
        await using var host = new HealthTestHost();
        using var call = new TestCall(WatchMethod);
        var stream = new RecordingStreamWriter<HealthCheckResponse>();

        var watching = host.Handler.Watch(new HealthCheckRequest(), stream, call.Context);
        var initial = (await stream.NextAsync()).Status;
        await host.Time.WaitForTimerAsync();
        host.Time.Advance(TimeSpan.FromSeconds(5));
        await host.Time.WaitForTimerAsync();
        var sentWhileUnchanged = stream.HasUnread;
        host.Database.Status = HealthStatus.Unhealthy;
        host.Time.Advance(TimeSpan.FromSeconds(5));
        var afterFailure = (await stream.NextAsync()).Status;
        await host.Time.WaitForTimerAsync();
        host.Database.Status = HealthStatus.Healthy;
        host.Time.Advance(TimeSpan.FromSeconds(5));
        var afterRecovery = (await stream.NextAsync()).Status;
        call.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => watching);
        Assert.Equal(ServingStatus.Serving, initial);
        Assert.False(sentWhileUnchanged);
        Assert.Equal(ServingStatus.NotServing, afterFailure);
        Assert.Equal(ServingStatus.Serving, afterRecovery);
        Assert.Empty(stream.DrainUnread());
    }

    [Fact]
    public async Task Watch_IntervalFromConfiguration_PollsAtThatInterval()
    {
        await using var host = new HealthTestHost(settings: new Dictionary<string, string?> { ["Rpc:Health:WatchInterval"] = "00:00:30" });
        using var call = new TestCall(WatchMethod);
        var stream = new RecordingStreamWriter<HealthCheckResponse>();

        var watching = host.Handler.Watch(new HealthCheckRequest(), stream, call.Context);
        await stream.NextAsync();
        await host.Time.WaitForTimerAsync();
        host.Database.Status = HealthStatus.Unhealthy;
        host.Time.Advance(TimeSpan.FromSeconds(29));
        var runsBeforeInterval = host.Database.Runs;
        host.Time.Advance(TimeSpan.FromSeconds(1));
        var afterInterval = (await stream.NextAsync()).Status;
        call.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => watching);
        Assert.Equal(1, runsBeforeInterval);
        Assert.Equal(ServingStatus.NotServing, afterInterval);
    }

    [Fact]
    public async Task Watch_UnknownService_SendsServiceUnknownAndKeepsWatching()
    {
        await using var host = new HealthTestHost();
        using var call = new TestCall(WatchMethod);
        var stream = new RecordingStreamWriter<HealthCheckResponse>();

        var watching = host.Handler.Watch(new HealthCheckRequest { Service = "civic.nowhere.v1.Missing" }, stream, call.Context);
        var first = (await stream.NextAsync()).Status;
        await host.Time.WaitForTimerAsync();
        host.Time.Advance(TimeSpan.FromSeconds(5));
        await host.Time.WaitForTimerAsync();
        var stillOpen = !watching.IsCompleted;
        call.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => watching);
        Assert.Equal(ServingStatus.ServiceUnknown, first);
        Assert.True(stillOpen);
        Assert.Empty(stream.DrainUnread());
    }

    [Fact]
    public async Task Watch_ApplicationStopping_SendsNotServingAtOnceAndEnds()
    {
        await using var host = new HealthTestHost();
        using var call = new TestCall(WatchMethod);
        var stream = new RecordingStreamWriter<HealthCheckResponse>();

        var watching = host.Handler.Watch(new HealthCheckRequest { Service = "grpc.health.v1.Health" }, stream, call.Context);
        var initial = (await stream.NextAsync()).Status;
        await host.Time.WaitForTimerAsync();
        host.Lifetime.StopApplication();
        var onShutdown = (await stream.NextAsync()).Status;

        await watching.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.Equal(ServingStatus.Serving, initial);
        Assert.Equal(ServingStatus.NotServing, onShutdown);
        Assert.Empty(stream.DrainUnread());
    }

    [Fact]
    public async Task AddRpcHealth_Registered_ServesHealthThroughTheRegistry()
    {
        await using var host = new HealthTestHost();

        Assert.Contains(host.Registry.Services, s => s.FullName == "grpc.health.v1.Health");
    }

    [Fact]
    public void AddRpcHealth_NonPositiveWatchInterval_FailsValidation()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddRpcHealth(o => o.WatchInterval = TimeSpan.Zero);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<RpcHealthOptions>>().Value);

        Assert.Contains("WatchInterval", error.Message, StringComparison.Ordinal);
    }

    private static async Task<ServingStatus> CheckAsync(HealthTestHost host, string service)
    {
        using var call = new TestCall(CheckMethod);
        var response = await host.Handler.Check(new HealthCheckRequest { Service = service }, call.Context);
        return response.Status;
    }
}
