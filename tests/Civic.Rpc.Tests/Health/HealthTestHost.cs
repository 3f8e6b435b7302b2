using Civic.Rpc.Health;
using Civic.Rpc.Server;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Civic.Rpc.Tests.Health;

/// <summary>
/// The health service wired as a server wires it (AddCivicRpc, AddRpcHealth, AddRpcReflection), with
/// a readiness check the test controls, a fake clock and a lifetime the test can stop.
/// </summary>
internal sealed class HealthTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public HealthTestHost(Action<RpcHealthOptions>? configure = null, IDictionary<string, string?>? settings = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton<IHostApplicationLifetime>(Lifetime);
        services.AddCivicRpc();
        services.AddRpcHealth(configure);
        services.AddRpcReflection();
        services.AddHealthChecks()
            .AddCheck("database", Database, tags: [RpcHealthOptions.ReadyTag])
            .AddCheck("not-for-readiness", () => HealthCheckResult.Unhealthy("never consulted for readiness"));
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        Handler = _services.GetRequiredService<HealthHandler>();
    }

    public SignallingTimeProvider Time { get; } = new();

    public TestHostLifetime Lifetime { get; } = new();

    public ControlledCheck Database { get; } = new();

    public HealthHandler Handler { get; }

    public RpcServiceRegistry Registry => _services.GetRequiredService<RpcServiceRegistry>();

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Lifetime.Dispose();
    }
}

/// <summary>A health check whose result the test sets, counting how often it runs.</summary>
internal sealed class ControlledCheck : IHealthCheck
{
    private int _runs;

    public HealthStatus Status { get; set; } = HealthStatus.Healthy;

    public int Runs => Volatile.Read(ref _runs);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _runs);
        return Task.FromResult(new HealthCheckResult(Status, "set by the test"));
    }
}
