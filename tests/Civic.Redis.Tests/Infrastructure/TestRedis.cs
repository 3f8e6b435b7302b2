using Civic.Testing;

namespace Civic.Redis.Tests.Infrastructure;

/// <summary>
/// The shared test server: CI starts redis-server on 127.0.0.1:6390 and exports
/// CIVIC_TEST_REDIS=127.0.0.1:6390. Without the variable the tests skip locally and fail in CI.
/// </summary>
public static class TestRedis
{
    public const string EnvironmentVariable = "CIVIC_TEST_REDIS";

    /// <summary>Options for the shared server, with short reconnect delays for tests.</summary>
    public static RedisOptions SharedOptions(RedisProtocol protocol = RedisProtocol.Resp2)
    {
        var endpoint = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            ExternalTool.Unavailable($"{EnvironmentVariable} is not set (host:port of a redis-server for tests, e.g. 127.0.0.1:6390).");
        }

        return ForEndpoint(endpoint!, protocol);
    }

    /// <summary>A client on the shared server.</summary>
    public static RedisClient SharedClient(RedisProtocol protocol = RedisProtocol.Resp2, Action<RedisOptions>? configure = null)
    {
        var options = SharedOptions(protocol);
        configure?.Invoke(options);
        return new RedisClient(options, random: new Random(7));
    }

    public static RedisOptions ForEndpoint(string endpoint, RedisProtocol protocol = RedisProtocol.Resp2) => new()
    {
        Configuration = endpoint,
        Protocol = protocol,
        ConnectTimeout = TimeSpan.FromSeconds(5),
        CommandTimeout = TimeSpan.FromSeconds(10),
        ReconnectBaseDelay = TimeSpan.FromMilliseconds(20),
        ReconnectMaxDelay = TimeSpan.FromMilliseconds(500),
        ReconnectJitterSeed = 7,
    };

    /// <summary>A key prefix no other test (or test run) uses.</summary>
    public static string UniqueKey(string name) => $"civic-test:{Guid.NewGuid():N}:{name}";

    /// <summary>Retries <paramref name="probe"/> until it returns true or <paramref name="timeout"/> passes.</summary>
    public static async Task<bool> EventuallyAsync(Func<Task<bool>> probe, TimeSpan timeout, TimeSpan? interval = null)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (!cts.IsCancellationRequested)
        {
            if (await probe())
            {
                return true;
            }

            try
            {
                await Task.Delay(interval ?? TimeSpan.FromMilliseconds(50), cts.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return await probe();
    }
}
