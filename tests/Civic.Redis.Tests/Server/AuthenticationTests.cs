using Civic.Redis.Tests.Infrastructure;

namespace Civic.Redis.Tests.Server;

/// <summary>AUTH and HELLO AUTH against a server with a password and an ACL user.</summary>
public class AuthenticationTests
{
    private const string Password = "correct-horse-battery";

    [Theory]
    [InlineData(RedisProtocol.Resp2)]
    [InlineData(RedisProtocol.Resp3)]
    public async Task RightPassword_Connects(RedisProtocol protocol)
    {
        await using var server = await RedisServerProcess.StartAsync(["--requirepass", Password]);
        var options = TestRedis.ForEndpoint($"{server.Endpoint},password={Password}", protocol);
        await using var client = new RedisClient(options);

        Assert.Equal("PONG", (await client.ExecuteAsync(["PING"], TestContext.Current.CancellationToken)).AsString());
        Assert.Equal(protocol, client.Protocol);
    }

    [Theory]
    [InlineData(RedisProtocol.Resp2)]
    [InlineData(RedisProtocol.Resp3)]
    public async Task WrongPassword_FailsWithClearAuthenticationError_AndLogsNoSecret(RedisProtocol protocol)
    {
        await using var server = await RedisServerProcess.StartAsync(["--requirepass", Password]);
        var options = TestRedis.ForEndpoint(server.Endpoint, protocol);
        options.Password = "wrong-secret-value";
        var logs = new ListLoggerFactory();
        await using var client = new RedisClient(options, logs);

        var first = await Assert.ThrowsAsync<RedisAuthenticationException>(() => client.PingAsync(TestContext.Current.CancellationToken));
        // Later commands fail at once with the same clear reason instead of waiting for a reconnect that cannot succeed.
        var second = await Assert.ThrowsAsync<RedisAuthenticationException>(() => client.GetAsync("k", TestContext.Current.CancellationToken));

        Assert.Contains("WRONGPASS", first.Message, StringComparison.Ordinal);
        Assert.Contains("Redis:Password", first.Message, StringComparison.Ordinal);
        Assert.Contains("WRONGPASS", second.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-secret-value", first.ToString(), StringComparison.Ordinal);
        Assert.NotEmpty(logs.Lines);
        Assert.DoesNotContain(logs.Lines, line => line.Contains("wrong-secret-value", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(RedisProtocol.Resp2)]
    [InlineData(RedisProtocol.Resp3)]
    public async Task NoPassword_OnProtectedServer_FailsWithAuthenticationError(RedisProtocol protocol)
    {
        await using var server = await RedisServerProcess.StartAsync(["--requirepass", Password]);
        await using var client = new RedisClient(TestRedis.ForEndpoint(server.Endpoint, protocol));

        var exception = await Assert.ThrowsAsync<RedisAuthenticationException>(() => client.PingAsync(TestContext.Current.CancellationToken));

        Assert.Contains("NOAUTH", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RedisProtocol.Resp2)]
    [InlineData(RedisProtocol.Resp3)]
    public async Task AclUser_WithItsPassword_Connects_AndIsTheCurrentUser(RedisProtocol protocol)
    {
        await using var server = await RedisServerProcess.StartAsync(["--requirepass", Password]);
        var ct = TestContext.Current.CancellationToken;
        await using (var admin = new RedisClient(TestRedis.ForEndpoint($"{server.Endpoint},password={Password}")))
        {
            await admin.ExecuteAsync(["ACL", "SETUSER", "hotline", "on", ">hotline-pass", "~*", "+@all"], ct);
        }

        var options = TestRedis.ForEndpoint(server.Endpoint, protocol);
        options.User = "hotline";
        options.Password = "hotline-pass";
        await using var client = new RedisClient(options);

        Assert.Equal("hotline", (await client.ExecuteAsync(["ACL", "WHOAMI"], ct)).AsString());
    }

    [Fact(Timeout = 30_000)]
    public async Task Reconnect_ReRunsAuthAndSelect()
    {
        await using var server = await RedisServerProcess.StartAsync(["--requirepass", Password]);
        var ct = TestContext.Current.CancellationToken;
        var options = TestRedis.ForEndpoint($"{server.Endpoint},password={Password},db=5,name=civic-auth", RedisProtocol.Resp3);
        await using var client = new RedisClient(options);
        await using var admin = new RedisClient(TestRedis.ForEndpoint($"{server.Endpoint},password={Password}"));
        var id = (await client.ExecuteAsync(["CLIENT", "ID"], ct)).AsInt64();

        await admin.ExecuteAsync(["CLIENT", "KILL", "ID", id], ct);
        var info = await WaitForNewConnectionInfoAsync(client, id, ct);

        Assert.Contains(" db=5 ", info, StringComparison.Ordinal);
        Assert.Contains(" name=civic-auth ", info, StringComparison.Ordinal);
        Assert.Contains(" resp=3", info, StringComparison.Ordinal);
        Assert.Equal(RedisProtocol.Resp3, client.Protocol);
        Assert.Contains(" user=default ", info, StringComparison.Ordinal);
    }

    private static async Task<string> WaitForNewConnectionInfoAsync(RedisClient client, long oldId, CancellationToken ct)
    {
        while (true)
        {
            try
            {
                var info = (await client.ExecuteAsync(["CLIENT", "INFO"], ct)).AsString()!;
                if (!info.StartsWith($"id={oldId} ", StringComparison.Ordinal))
                {
                    return info;
                }
            }
            catch (RedisConnectionException)
            {
                // The command raced the kill; the next one goes to the new connection.
            }
        }
    }
}
