using System.Net;
using Civic.Gateway.RateLimiting;
using Civic.Gateway.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Civic.Gateway.Tests.RateLimiting;

/// <summary>A Redis of the test's own, killed and restarted under a running gateway.</summary>
[Collection(ClusterCollection.Name)]
public sealed class RedisRecoveryTests(CivicCluster cluster)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Request_RedisKilledThenRestarted_ServesThroughoutAndReturnsToRedis()
    {
        await using var redis = await RedisServerProcess.StartAsync(Cancel);
        var prefix = "civic-test:" + Guid.NewGuid().ToString("N");
        var settings = redis.Settings;
        settings["RateLimiting:RedisKeyPrefix"] = prefix;
        await using var gateway = cluster.StartGateway(settings);
        using var client = new HttpClient { BaseAddress = gateway.Addresses[0] };
        var limiter = gateway.Services.GetRequiredService<GatewayRateLimiter>();

        using var withRedis = await client.GetAsync("/api/v1/hotline/departments", Cancel);
        var readyWithRedis = await client.GetStringAsync("/readyz", Cancel);
        redis.Kill();
        var readyWithoutRedis = await WaitForReadinessAsync(client, "Degraded");
        using var withoutRedis = await client.GetAsync("/api/v1/hotline/departments", Cancel);
        var fellBack = limiter.FallingBack;
        await redis.RestartAsync(Cancel);
        var readyAgain = await WaitForReadinessAsync(client, "Healthy");
        using var afterRecovery = await client.GetAsync("/api/v1/hotline/departments", Cancel);

        Assert.Equal(HttpStatusCode.OK, withRedis.StatusCode);
        Assert.Equal("Healthy", readyWithRedis);
        Assert.Equal("Degraded", readyWithoutRedis);
        Assert.Equal(HttpStatusCode.OK, withoutRedis.StatusCode);
        Assert.True(fellBack);
        Assert.Equal("Healthy", readyAgain);
        Assert.Equal(HttpStatusCode.OK, afterRecovery.StatusCode);
        Assert.False(limiter.FallingBack);
        Assert.Contains(gateway.Logs.Entries, e => e.Message == "Rate limiting uses Redis again");
        // The restarted Redis is empty: the request after recovery was counted there.
        await using var direct = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{redis.Port}");
        Assert.NotEmpty(direct.GetServer("127.0.0.1", redis.Port).Keys(pattern: prefix + ":*"));
    }

    /// <summary>The readiness body once it is <paramref name="expected"/>, or the last one after 20 s.</summary>
    private static async Task<string> WaitForReadinessAsync(HttpClient client, string expected)
    {
        var body = string.Empty;
        for (var attempt = 0; attempt < 80 && body != expected; attempt++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250), Cancel);
            body = await client.GetStringAsync("/readyz", Cancel);
        }

        return body;
    }
}
