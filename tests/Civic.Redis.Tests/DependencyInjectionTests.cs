using Civic.Redis.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Civic.Redis.Tests;

public class DependencyInjectionTests
{
    [Fact]
    public async Task AddCivicRedis_BindsConfiguration_AndRegistersOneClient()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Redis:Configuration"] = "redis.internal:6380,password=pw,db=4,protocol=3",
            ["Redis:CommandTimeout"] = "00:00:02",
            ["Redis:FailFastWhenDisconnected"] = "true",
        });
        builder.Services.AddCivicRedis();
        builder.Services.AddCivicRedis();
        using var host = builder.Build();

        var options = host.Services.GetRequiredService<IOptions<RedisOptions>>().Value;
        var client = host.Services.GetRequiredService<RedisClient>();

        Assert.Equal(TimeSpan.FromSeconds(2), options.CommandTimeout);
        Assert.True(options.FailFastWhenDisconnected);
        Assert.Equal("redis.internal:6380", client.Endpoint);
        Assert.Same(client, host.Services.GetRequiredService<RedisClient>());
        Assert.False(client.IsConnected);
        var registrations = host.Services.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations;
        var registration = Assert.Single(registrations, r => r.Name == RedisServiceCollectionExtensions.HealthCheckName);
        Assert.Equal(HealthStatus.Degraded, registration.FailureStatus);
        await client.DisposeAsync();
    }

    [Fact]
    public async Task AddCivicRedis_InvalidConfiguration_StopsStartupWithEveryProblem()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Redis:Configuration"] = "localhost:99999,password=topsecret,bogus=1",
        });
        builder.Services.AddCivicRedis();
        using var host = builder.Build();

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains(exception.Failures, failure => failure.Contains("65535", StringComparison.Ordinal));
        Assert.Contains(exception.Failures, failure => failure.Contains("bogus", StringComparison.Ordinal));
        Assert.DoesNotContain("topsecret", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthCheck_RedisDown_ReportsDegraded()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Redis:Configuration"] = "127.0.0.1:1",
            ["Redis:HealthCheckTimeout"] = "00:00:00.300",
        }).Build());
        services.AddLogging();
        services.AddCivicRedis();
        await using var provider = services.BuildServiceProvider();

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Degraded, report.Status);
        Assert.Contains("127.0.0.1:1", report.Entries["redis"].Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthCheck_RedisUp_ReportsHealthy()
    {
        var endpoint = TestRedis.SharedOptions().Configuration;
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Redis:Configuration"] = endpoint,
        }).Build());
        services.AddLogging();
        services.AddCivicRedis(healthCheckTags: ["ready"]);
        await using var provider = services.BuildServiceProvider();

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Healthy, report.Status);
        Assert.Contains("ready", report.Entries["redis"].Tags);
        Assert.True(report.Entries["redis"].Data.ContainsKey("roundTripMs"));
    }
}
