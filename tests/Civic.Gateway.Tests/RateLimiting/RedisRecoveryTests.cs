using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Civic.Gateway.RateLimiting;
using Civic.Gateway.Tests.Infrastructure;
using Civic.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Civic.Gateway.Tests.RateLimiting;

/// <summary>A Redis of the test's own, killed and restarted under a running gateway.</summary>
[Collection(ClusterCollection.Name)]
public sealed class RedisRecoveryTests(CivicCluster cluster)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Request_RedisKilledThenRestarted_ServesThroughoutAndReturnsToRedis()
    {
        var port = FreePort();
        Process? redis = await StartRedisAsync(port);
        try
        {
            await using var gateway = cluster.StartGateway(new Dictionary<string, string?>
            {
                ["RateLimiting:RedisKeyPrefix"] = "civic-test:" + Guid.NewGuid().ToString("N"),
                ["Redis:Host"] = "127.0.0.1",
                ["Redis:Port"] = port.ToString(CultureInfo.InvariantCulture),
                ["Redis:ConnectTimeout"] = "00:00:01",
                ["Redis:CommandTimeout"] = "00:00:01",
                ["Redis:ReconnectMaxDelay"] = "00:00:00.500",
            });
            using var client = new HttpClient { BaseAddress = gateway.Addresses[0] };
            var limiter = gateway.Services.GetRequiredService<GatewayRateLimiter>();

            using var withRedis = await client.GetAsync("/api/v1/hotline/departments", Cancel);
            var healthWithRedis = await client.GetStringAsync("/healthz", Cancel);
            Stop(redis);
            redis = null;
            using var withoutRedis = await client.GetAsync("/api/v1/hotline/departments", Cancel);
            var healthWithoutRedis = await client.GetStringAsync("/healthz", Cancel);
            redis = await StartRedisAsync(port);
            var recovered = false;
            for (var attempt = 0; attempt < 40 && !recovered; attempt++)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), Cancel);
                recovered = await client.GetStringAsync("/healthz", Cancel) == "Healthy";
            }

            Assert.Equal(HttpStatusCode.OK, withRedis.StatusCode);
            Assert.Equal("Healthy", healthWithRedis);
            Assert.Equal(HttpStatusCode.OK, withoutRedis.StatusCode);
            Assert.Equal("Degraded", healthWithoutRedis);
            Assert.True(recovered, "the gateway's health did not become Healthy after Redis came back");
            Assert.False(limiter.FallingBack);
            Assert.Contains(gateway.Logs.Entries, e => e.Message == "Rate limiting uses Redis again");
        }
        finally
        {
            if (redis is not null)
            {
                Stop(redis);
            }
        }
    }

    private static async Task<Process> StartRedisAsync(int port)
    {
        Process process;
        try
        {
            process = Process.Start(new ProcessStartInfo("redis-server", ["--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"])
            {
                RedirectStandardOutput = true,
                UseShellExecute = false,
            })!;
        }
        catch (Win32Exception)
        {
            ExternalTool.Unavailable("redis-server is not installed (apt package redis-server).");
            throw;
        }

        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        for (var attempt = 0; attempt < 50; attempt++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port, Cancel);
                return process;
            }
            catch (SocketException)
            {
                await Task.Delay(100, Cancel);
            }
        }

        Stop(process);
        throw new InvalidOperationException($"redis-server did not listen on port {port}.");
    }

    private static void Stop(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill();
            process.WaitForExit();
        }

        process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
