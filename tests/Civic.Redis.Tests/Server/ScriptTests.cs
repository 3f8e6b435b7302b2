using Civic.Redis.Tests.Infrastructure;

namespace Civic.Redis.Tests.Server;

/// <summary>
/// Script caching, checked through the server's command statistics (on a server of the test's own,
/// so that no other client's commands are counted).
/// </summary>
public class ScriptTests
{
    private static readonly RedisScript Increment = new("return redis.call('INCRBY', KEYS[1], ARGV[1])");

    [Theory]
    [InlineData(RedisProtocol.Resp2)]
    [InlineData(RedisProtocol.Resp3)]
    public async Task EvaluateAsync_CachedScript_UsesEvalShaOnly(RedisProtocol protocol)
    {
        await using var server = await RedisServerProcess.StartAsync();
        await using var client = new RedisClient(TestRedis.ForEndpoint(server.Endpoint, protocol));
        var ct = TestContext.Current.CancellationToken;

        await client.LoadAsync(Increment, ct);
        Assert.Equal(5, (await client.EvaluateAsync(Increment, ["counter"], [5], ct)).AsInt64());
        Assert.Equal(12, (await client.EvaluateAsync(Increment, ["counter"], [7], ct)).AsInt64());

        var stats = await CommandStatsAsync(client, ct);
        Assert.Equal(2, Calls(stats, "evalsha"));
        Assert.Equal(0, Calls(stats, "eval"));
        Assert.Equal(0, FailedCalls(stats, "evalsha"));
    }

    [Theory]
    [InlineData(RedisProtocol.Resp2)]
    [InlineData(RedisProtocol.Resp3)]
    public async Task EvaluateAsync_AfterScriptFlush_LoadsAndRunsOnce(RedisProtocol protocol)
    {
        await using var server = await RedisServerProcess.StartAsync();
        await using var client = new RedisClient(TestRedis.ForEndpoint(server.Endpoint, protocol));
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal(1, (await client.EvaluateAsync(Increment, ["counter"], [1], ct)).AsInt64());
        await client.ExecuteAsync(["SCRIPT", "FLUSH"], ct);
        await client.ExecuteAsync(["CONFIG", "RESETSTAT"], ct);

        Assert.Equal(3, (await client.EvaluateAsync(Increment, ["counter"], [2], ct)).AsInt64());

        var stats = await CommandStatsAsync(client, ct);
        Assert.Equal(1, FailedCalls(stats, "evalsha"));          // the NOSCRIPT miss
        Assert.Equal(1, Calls(stats, "script|load"));
        Assert.Equal(0, Calls(stats, "eval"));
        Assert.Equal([1L], (await client.ExecuteAsync(["SCRIPT", "EXISTS", Increment.Sha1], ct)).Elements.Select(e => e.AsInt64()));
        Assert.Equal(4, (await client.EvaluateAsync(Increment, ["counter"], [1], ct)).AsInt64());
    }

    [Fact]
    public async Task EvaluateAsync_ScriptThatDoesNotCompile_FallsBackToEvalAndReportsCompileError()
    {
        await using var server = await RedisServerProcess.StartAsync();
        await using var client = new RedisClient(TestRedis.ForEndpoint(server.Endpoint));
        var ct = TestContext.Current.CancellationToken;
        var broken = new RedisScript("return (((");

        var exception = await Assert.ThrowsAsync<RedisServerException>(() => client.EvaluateAsync(broken, cancellationToken: ct));

        Assert.Equal("EVAL", exception.Command);
        Assert.Contains("compiling script", exception.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("PONG", (await client.ExecuteAsync(["PING"], ct)).AsString());
    }

    [Fact]
    public void RedisScript_Sha1_MatchesRedisNaming()
    {
        // SHA-1 of "return 1", as SCRIPT LOAD returns it.
        Assert.Equal("e0e1f9fabfc9d4800c877a703b823ac0578ff8db", new RedisScript("return 1").Sha1);
    }

    private static async Task<Dictionary<string, Dictionary<string, long>>> CommandStatsAsync(RedisClient client, CancellationToken ct)
    {
        var info = (await client.ExecuteAsync(["INFO", "commandstats"], ct)).AsString()!;
        var stats = new Dictionary<string, Dictionary<string, long>>(StringComparer.Ordinal);
        foreach (var line in info.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!line.StartsWith("cmdstat_", StringComparison.Ordinal))
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            stats[line["cmdstat_".Length..colon]] = line[(colon + 1)..]
                .Split(',')
                .Select(pair => pair.Split('='))
                .Where(pair => long.TryParse(pair[1], out _))
                .ToDictionary(pair => pair[0], pair => long.Parse(pair[1], System.Globalization.CultureInfo.InvariantCulture));
        }

        return stats;
    }

    private static long Calls(Dictionary<string, Dictionary<string, long>> stats, string command) =>
        stats.TryGetValue(command, out var values) ? values["calls"] : 0;

    private static long FailedCalls(Dictionary<string, Dictionary<string, long>> stats, string command) =>
        stats.TryGetValue(command, out var values) ? values.GetValueOrDefault("failed_calls") + values.GetValueOrDefault("rejected_calls") : 0;
}
