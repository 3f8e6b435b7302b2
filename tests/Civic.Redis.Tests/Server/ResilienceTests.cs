using Civic.Redis.Tests.Infrastructure;

namespace Civic.Redis.Tests.Server;

/// <summary>Dropped connections, a crashing server, timeouts: commands fail clearly and the client recovers.</summary>
public class ResilienceTests
{
    [Theory(Timeout = 30_000)]
    [InlineData(RedisProtocol.Resp2)]
    [InlineData(RedisProtocol.Resp3)]
    public async Task ServerRestart_MidTraffic_InFlightFailWithConnectionException_LaterCallsSucceed(RedisProtocol protocol)
    {
        await using var server = await RedisServerProcess.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        await using var client = new RedisClient(TestRedis.ForEndpoint(server.Endpoint, protocol), random: new Random(1));
        await using var blocker = new RedisClient(TestRedis.ForEndpoint(server.Endpoint, protocol), random: new Random(2));
        await client.ConnectAsync(ct);

        // A command that is certainly waiting for its reply when the server dies.
        var blocked = blocker.ExecuteAsync(["BLPOP", "never-pushed", 0], ct);
        var restarted = 0;
        var unexpected = new List<Exception>();
        var callers = Enumerable.Range(0, 20).Select(caller => Task.Run(async () =>
        {
            var connectionFailures = 0;
            var successesAfterRestart = 0;
            for (var i = 0; successesAfterRestart < 20; i++)
            {
                var token = $"{caller}:{i}";
                try
                {
                    // ECHO is stateless, so the restart loses nothing it needs: any mismatch is a misrouted reply.
                    var reply = await client.ExecuteAsync(["ECHO", token], ct);
                    Assert.Equal(token, reply.AsString());
                    if (Volatile.Read(ref restarted) == 1)
                    {
                        successesAfterRestart++;
                    }
                }
                catch (RedisConnectionException)
                {
                    connectionFailures++;
                }
                catch (Exception exception) when (exception is not Xunit.Sdk.XunitException)
                {
                    lock (unexpected)
                    {
                        unexpected.Add(exception);
                    }

                    throw;
                }
            }

            return connectionFailures;
        }, ct)).ToList();

        await Task.Delay(200, ct);
        await server.KillAsync();
        var blockedFailure = await Assert.ThrowsAsync<RedisConnectionException>(() => blocked);
        Assert.Contains("BLPOP", blockedFailure.Message, StringComparison.Ordinal);
        await Task.Delay(300, ct);
        await server.RestartAsync();
        Volatile.Write(ref restarted, 1);

        var failures = await Task.WhenAll(callers);

        Assert.Empty(unexpected);
        Assert.True(failures.Sum() > 0, "Some commands were in flight when the server died and should have failed.");
        Assert.True(client.IsConnected);
        Assert.Equal("PONG", (await blocker.ExecuteAsync(["PING"], ct)).AsString());
    }

    [Fact]
    public async Task KilledConnection_PendingCommandFails_NextCommandUsesNewConnection()
    {
        await using var victim = TestRedis.SharedClient();
        await using var killer = TestRedis.SharedClient();
        var ct = TestContext.Current.CancellationToken;
        var key = TestRedis.UniqueKey("blocked");
        var id = (await victim.ExecuteAsync(["CLIENT", "ID"], ct)).AsInt64();

        var blocked = victim.ExecuteAsync(["BLPOP", key, 0], ct);
        Assert.True(await TestRedis.EventuallyAsync(
            async () => (await killer.ExecuteAsync(["CLIENT", "LIST", "ID", id], ct)).AsString()!.Contains("cmd=blpop", StringComparison.Ordinal),
            TimeSpan.FromSeconds(5)));
        Assert.Equal(1, (await killer.ExecuteAsync(["CLIENT", "KILL", "ID", id], ct)).AsInt64());

        var exception = await Assert.ThrowsAsync<RedisConnectionException>(() => blocked);
        Assert.Contains("may or may not have run", exception.Message, StringComparison.Ordinal);
        var newId = (await victim.ExecuteAsync(["CLIENT", "ID"], ct)).AsInt64();
        Assert.NotEqual(id, newId);
        Assert.Equal("PONG", (await victim.ExecuteAsync(["PING"], ct)).AsString());
    }

    [Fact(Timeout = 30_000)]
    public async Task KilledConnection_ClientKillTypeNormal_ConcurrentCallersRecover()
    {
        await using var server = await RedisServerProcess.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        await using var client = new RedisClient(TestRedis.ForEndpoint(server.Endpoint), random: new Random(3));
        await using var killer = new RedisClient(TestRedis.ForEndpoint(server.Endpoint), random: new Random(4));
        await client.ConnectAsync(ct);
        await killer.ConnectAsync(ct);

        var killed = 0;
        var callers = Enumerable.Range(0, 10).Select(caller => Task.Run(async () =>
        {
            var failures = 0;
            var successesAfterKill = 0;
            while (successesAfterKill < 20)
            {
                try
                {
                    Assert.Equal($"{caller}", (await client.ExecuteAsync(["ECHO", $"{caller}"], ct)).AsString());
                    if (Volatile.Read(ref killed) == 1)
                    {
                        successesAfterKill++;
                    }
                }
                catch (RedisConnectionException)
                {
                    failures++;
                }
            }

            return failures;
        }, ct)).ToList();

        await Task.Delay(100, ct);
        // SKIPME (the default) spares the killer's own connection.
        Assert.True((await killer.ExecuteAsync(["CLIENT", "KILL", "TYPE", "normal"], ct)).AsInt64() >= 1);
        Volatile.Write(ref killed, 1);
        await Task.WhenAll(callers);
        Assert.True(client.IsConnected);
    }

    [Fact]
    public async Task CommandTimeout_NoReply_ThrowsTimeoutAndLaterRepliesStayMatched()
    {
        await using var client = TestRedis.SharedClient(configure: options => options.CommandTimeout = TimeSpan.FromSeconds(1));
        await using var other = TestRedis.SharedClient();
        var ct = TestContext.Current.CancellationToken;
        var list = TestRedis.UniqueKey("list");
        var key = TestRedis.UniqueKey("after-timeout");

        var exception = await Assert.ThrowsAsync<RedisTimeoutException>(() => client.ExecuteAsync(["BLPOP", list, 0], ct));
        Assert.Contains("BLPOP", exception.Message, StringComparison.Ordinal);

        // Unblock the abandoned BLPOP: its late reply must be swallowed, not handed to the next command.
        await other.ExecuteAsync(["RPUSH", list, "late"], ct);
        Assert.True(await client.SetAsync(key, "fresh", cancellationToken: ct));
        Assert.Equal("fresh", await client.GetAsync(key, ct));
        Assert.Equal(0, (await other.ExecuteAsync(["LLEN", list], ct)).AsInt64());
        Assert.True(client.IsConnected);
        await client.DeleteAsync(key, ct);
    }

    [Fact]
    public async Task Cancellation_WhileWaiting_ThrowsAndLaterRepliesStayMatched()
    {
        await using var client = TestRedis.SharedClient();
        await using var other = TestRedis.SharedClient();
        var list = TestRedis.UniqueKey("cancel-list");
        using var cts = new CancellationTokenSource();

        var blocked = client.ExecuteAsync(["BLPOP", list, 0], cts.Token);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => blocked);
        await other.ExecuteAsync(["RPUSH", list, "late"], TestContext.Current.CancellationToken);
        Assert.Equal("after", (await client.ExecuteAsync(["ECHO", "after"], TestContext.Current.CancellationToken)).AsString());
    }

    [Fact]
    public async Task Disconnected_FailFast_FailsAtOnce_WaitMode_WaitsForReconnect()
    {
        await using var server = await RedisServerProcess.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var failFastOptions = TestRedis.ForEndpoint(server.Endpoint);
        failFastOptions.FailFastWhenDisconnected = true;
        await using var failFast = new RedisClient(failFastOptions, random: new Random(5));
        await using var waiting = new RedisClient(TestRedis.ForEndpoint(server.Endpoint), random: new Random(6));
        await failFast.ConnectAsync(ct);
        await waiting.ConnectAsync(ct);

        await server.KillAsync();
        Assert.True(await TestRedis.EventuallyAsync(() => Task.FromResult(!failFast.IsConnected && !waiting.IsConnected), TimeSpan.FromSeconds(5)));

        var exception = await Assert.ThrowsAsync<RedisConnectionException>(() => failFast.PingAsync(ct));
        Assert.Contains("failing fast", exception.Message, StringComparison.Ordinal);
        var waitingPing = waiting.PingAsync(ct);
        await Task.Delay(200, ct);
        Assert.False(waitingPing.IsCompleted);

        await server.RestartAsync();
        await waitingPing;
        Assert.True(await TestRedis.EventuallyAsync(() => Task.FromResult(failFast.IsConnected), TimeSpan.FromSeconds(5)));
        await failFast.PingAsync(ct);
    }

    [Fact]
    public async Task Unreachable_WaitMode_FailsWithConnectionExceptionAfterTimeout()
    {
        var options = TestRedis.ForEndpoint("127.0.0.1:1");
        options.CommandTimeout = TimeSpan.FromMilliseconds(300);
        await using var client = new RedisClient(options, random: new Random(8));

        var exception = await Assert.ThrowsAsync<RedisConnectionException>(() => client.GetAsync("key", TestContext.Current.CancellationToken));

        Assert.Contains("127.0.0.1:1", exception.Message, StringComparison.Ordinal);
        Assert.NotNull(exception.InnerException);
    }
}
