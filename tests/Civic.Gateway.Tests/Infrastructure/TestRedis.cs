using Civic.Testing;

namespace Civic.Gateway.Tests.Infrastructure;

/// <summary>The shared redis-server for tests (CIVIC_TEST_REDIS, started by .ci/run), and settings that point a gateway at a Redis.</summary>
public static class TestRedis
{
    public const string Variable = "CIVIC_TEST_REDIS";

    /// <summary>host and port of the shared Redis; skips the test (fails it in CI) when the variable is not set.</summary>
    public static (string Host, string Port) Endpoint()
    {
        var endpoint = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            ExternalTool.Unavailable($"{Variable} is not set (host:port of a redis-server for tests, e.g. 127.0.0.1:6390).");
        }

        var colon = endpoint!.LastIndexOf(':');
        return (endpoint[..colon], endpoint[(colon + 1)..]);
    }

    /// <summary>A gateway's "Redis" section for <paramref name="host"/>:<paramref name="port"/>, with timeouts short enough for tests.</summary>
    public static Dictionary<string, string?> Settings(string host, string port) => new()
    {
        ["Redis:Host"] = host,
        ["Redis:Port"] = port,
        ["Redis:ConnectTimeout"] = "00:00:01",
        ["Redis:CommandTimeout"] = "00:00:01",
        ["Redis:ReconnectMaxDelay"] = "00:00:00.500",
    };
}
