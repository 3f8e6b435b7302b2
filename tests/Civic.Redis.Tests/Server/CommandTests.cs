using System.Text;
using Civic.Redis.Tests.Infrastructure;

namespace Civic.Redis.Tests.Server;

/// <summary>Every typed command against the shared redis-server, in RESP2 and RESP3.</summary>
public class CommandTests
{
    public static TheoryData<RedisProtocol> Protocols => [RedisProtocol.Resp2, RedisProtocol.Resp3];

    [Theory]
    [MemberData(nameof(Protocols))]
    public async Task PingAsync_Connected_ReturnsRoundTrip(RedisProtocol protocol)
    {
        await using var client = TestRedis.SharedClient(protocol);
        var roundTrip = await client.PingAsync(TestContext.Current.CancellationToken);
        Assert.True(roundTrip >= TimeSpan.Zero);
        Assert.True(client.IsConnected);
        Assert.Equal(protocol, client.Protocol);
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public async Task SetAsync_ThenGetAsync_ReturnsValue(RedisProtocol protocol)
    {
        await using var client = TestRedis.SharedClient(protocol);
        var key = TestRedis.UniqueKey("string");
        var ct = TestContext.Current.CancellationToken;

        Assert.Null(await client.GetAsync(key, ct));
        Assert.True(await client.SetAsync(key, "Direktørlinjen", cancellationToken: ct));
        Assert.Equal("Direktørlinjen", await client.GetAsync(key, ct));
        Assert.True(await client.SetAsync(key, new byte[] { 0, 255, 13, 10 }, cancellationToken: ct));
        Assert.Equal(new byte[] { 0, 255, 13, 10 }, await client.GetBytesAsync(key, ct));
        await client.DeleteAsync(key, ct);
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public async Task SetAsync_WithConditions_WritesOnlyWhenConditionHolds(RedisProtocol protocol)
    {
        await using var client = TestRedis.SharedClient(protocol);
        var key = TestRedis.UniqueKey("condition");
        var ct = TestContext.Current.CancellationToken;

        Assert.False(await client.SetAsync(key, "x", condition: SetCondition.IfExists, cancellationToken: ct));
        Assert.False(await client.ExistsAsync(key, ct));
        Assert.True(await client.SetAsync(key, "first", condition: SetCondition.IfNotExists, cancellationToken: ct));
        Assert.False(await client.SetAsync(key, "second", condition: SetCondition.IfNotExists, cancellationToken: ct));
        Assert.Equal("first", await client.GetAsync(key, ct));
        Assert.True(await client.SetAsync(key, "third", condition: SetCondition.IfExists, cancellationToken: ct));
        Assert.Equal("third", await client.GetAsync(key, ct));
        await client.DeleteAsync(key, ct);
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public async Task SetAsync_WithExpiry_UsesExOrPx(RedisProtocol protocol)
    {
        await using var client = TestRedis.SharedClient(protocol);
        var seconds = TestRedis.UniqueKey("ex");
        var milliseconds = TestRedis.UniqueKey("px");
        var ct = TestContext.Current.CancellationToken;

        await client.SetAsync(seconds, "v", TimeSpan.FromSeconds(100), cancellationToken: ct);
        await client.SetAsync(milliseconds, "v", TimeSpan.FromMilliseconds(100_500), cancellationToken: ct);

        var secondsTtl = await client.TimeToLiveSecondsAsync(seconds, ct);
        Assert.True(secondsTtl.KeyExists);
        Assert.InRange(secondsTtl.Remaining!.Value.TotalSeconds, 90, 100);
        var millisecondsTtl = await client.TimeToLiveAsync(milliseconds, ct);
        Assert.InRange(millisecondsTtl.Remaining!.Value.TotalMilliseconds, 90_000, 100_500);
        await client.DeleteAsync([seconds, milliseconds], ct);
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public async Task DeleteAndExists_CountKeys(RedisProtocol protocol)
    {
        await using var client = TestRedis.SharedClient(protocol);
        var a = TestRedis.UniqueKey("a");
        var b = TestRedis.UniqueKey("b");
        var missing = TestRedis.UniqueKey("missing");
        var ct = TestContext.Current.CancellationToken;
        await client.SetAsync(a, "1", cancellationToken: ct);
        await client.SetAsync(b, "2", cancellationToken: ct);

        Assert.True(await client.ExistsAsync(a, ct));
        Assert.Equal(2, await client.ExistsAsync([a, b, missing], ct));
        Assert.True(await client.DeleteAsync(a, ct));
        Assert.False(await client.DeleteAsync(a, ct));
        Assert.Equal(1, await client.DeleteAsync([a, b, missing], ct));
        Assert.Equal(0, await client.ExistsAsync([a, b], ct));
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public async Task ExpireAndTimeToLive_ReportExpiry(RedisProtocol protocol)
    {
        await using var client = TestRedis.SharedClient(protocol);
        var key = TestRedis.UniqueKey("ttl");
        var ct = TestContext.Current.CancellationToken;

        Assert.False(await client.ExpireAsync(key, TimeSpan.FromSeconds(10), ct));
        Assert.Equal(new RedisTtl(false, null), await client.TimeToLiveAsync(key, ct));
        await client.SetAsync(key, "v", cancellationToken: ct);
        Assert.Equal(new RedisTtl(true, null), await client.TimeToLiveAsync(key, ct));
        Assert.Equal(new RedisTtl(true, null), await client.TimeToLiveSecondsAsync(key, ct));

        Assert.True(await client.ExpireAsync(key, TimeSpan.FromSeconds(50), ct));
        Assert.InRange((await client.TimeToLiveSecondsAsync(key, ct)).Remaining!.Value.TotalSeconds, 40, 50);

        Assert.True(await client.ExpireAsync(key, TimeSpan.FromMilliseconds(20_250), ct));
        var ttl = await client.TimeToLiveAsync(key, ct);
        Assert.True(ttl.HasExpiry);
        Assert.InRange(ttl.Remaining!.Value.TotalMilliseconds, 10_000, 20_250);

        Assert.True(await client.ExpireAsync(key, TimeSpan.FromMilliseconds(30), ct));
        Assert.True(await TestRedis.EventuallyAsync(async () => !await client.ExistsAsync(key, ct), TimeSpan.FromSeconds(5)));
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public async Task IncrementAsync_ByOneAndBy_ReturnsNewValue(RedisProtocol protocol)
    {
        await using var client = TestRedis.SharedClient(protocol);
        var key = TestRedis.UniqueKey("counter");
        var ct = TestContext.Current.CancellationToken;

        Assert.Equal(1, await client.IncrementAsync(key, cancellationToken: ct));
        Assert.Equal(11, await client.IncrementAsync(key, 10, ct));
        Assert.Equal(-9, await client.IncrementAsync(key, -20, ct));
        Assert.Equal("-9", await client.GetAsync(key, ct));
        await client.DeleteAsync(key, ct);
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public async Task HashCommands_RoundTripFields(RedisProtocol protocol)
    {
        await using var client = TestRedis.SharedClient(protocol);
        var key = TestRedis.UniqueKey("hash");
        var ct = TestContext.Current.CancellationToken;

        Assert.Empty(await client.HashGetAllAsync(key, ct));
        Assert.True(await client.HashSetAsync(key, "name", "Borgerpanelet", ct));
        Assert.False(await client.HashSetAsync(key, "name", "Ressourcenetværket", ct));
        Assert.Equal(2, await client.HashSetAsync(key, [new("phase", "afklaring"), new("members", "12"), new("name", "Panel")], ct));
        Assert.Equal("Panel", await client.HashGetAsync(key, "name", ct));
        Assert.Null(await client.HashGetAsync(key, "missing", ct));
        Assert.Equal(15, await client.HashIncrementAsync(key, "members", 3, ct));

        var all = await client.HashGetAllAsync(key, ct);
        Assert.Equal(new Dictionary<string, string?> { ["name"] = "Panel", ["phase"] = "afklaring", ["members"] = "15" }, all);

        Assert.True(await client.HashDeleteAsync(key, "phase", ct));
        Assert.False(await client.HashDeleteAsync(key, "phase", ct));
        Assert.Equal(1, await client.HashDeleteAsync(key, ["members", "missing"], ct));
        Assert.Equal(["name"], (await client.HashGetAllAsync(key, ct)).Keys);
        await client.DeleteAsync(key, ct);
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public async Task EvaluateAsync_KeysAndArguments_ReachTheScript(RedisProtocol protocol)
    {
        await using var client = TestRedis.SharedClient(protocol);
        var key = TestRedis.UniqueKey("script");
        var ct = TestContext.Current.CancellationToken;
        var script = new RedisScript("redis.call('SET', KEYS[1], ARGV[1]); return {redis.call('GET', KEYS[1]), tonumber(ARGV[2]) * 2}");

        var reply = await client.EvaluateAsync(script, [key], ["slot-hold", 21], ct);

        Assert.Equal("slot-hold", reply.Elements[0].AsString());
        Assert.Equal(42, reply.Elements[1].AsInt64());
        await client.DeleteAsync(key, ct);
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public async Task PublishAsync_WithoutSubscribers_ReturnsZero(RedisProtocol protocol)
    {
        await using var client = TestRedis.SharedClient(protocol);
        Assert.Equal(0, await client.PublishAsync(TestRedis.UniqueKey("nobody"), "hello", TestContext.Current.CancellationToken));
        Assert.Equal(0, await client.PublishAsync(TestRedis.UniqueKey("nobody"), Encoding.UTF8.GetBytes("hello"), TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public async Task ExecuteAsync_StreamsAndOtherCommands_ReturnRawReply(RedisProtocol protocol)
    {
        await using var client = TestRedis.SharedClient(protocol);
        var stream = TestRedis.UniqueKey("stream");
        var ct = TestContext.Current.CancellationToken;

        var id = (await client.ExecuteAsync("XADD", stream, "*", "event", "booked", "slot", 3)).AsString();
        Assert.Matches(@"^\d+-\d+$", id);
        var read = await client.ExecuteAsync(["XRANGE", stream, "-", "+"], ct);
        var entry = Assert.Single(read.Elements);
        Assert.Equal(id, entry.Elements[0].AsString());
        Assert.Equal(["event", "booked", "slot", "3"], entry.Elements[1].Elements.Select(e => e.AsString()));

        // XREAD answers with the stream name and its entries: a map in RESP3, nested arrays in RESP2.
        var xread = await client.ExecuteAsync(["XREAD", "COUNT", 10, "STREAMS", stream, "0"], ct);
        var streamAndEntries = protocol == RedisProtocol.Resp3 ? xread : Assert.Single(xread.Elements);
        Assert.Equal(protocol == RedisProtocol.Resp3 ? RedisReplyType.Map : RedisReplyType.Array, xread.Type);
        Assert.Equal(stream, streamAndEntries.Elements[0].AsString());
        Assert.Equal(id, Assert.Single(streamAndEntries.Elements[1].Elements).Elements[0].AsString());
        Assert.Equal(1, (await client.ExecuteAsync("DEL", stream)).AsInt64());
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public async Task ExecuteAsync_ErrorReply_ThrowsServerExceptionAndConnectionStaysUsable(RedisProtocol protocol)
    {
        await using var client = TestRedis.SharedClient(protocol);
        var key = TestRedis.UniqueKey("wrongtype");
        var ct = TestContext.Current.CancellationToken;
        await client.HashSetAsync(key, "f", "v", ct);

        var exception = await Assert.ThrowsAsync<RedisServerException>(() => client.GetAsync(key, ct));
        Assert.Equal("WRONGTYPE", exception.ErrorCode);
        Assert.Equal("GET", exception.Command);
        var unknown = await Assert.ThrowsAsync<RedisServerException>(() => client.ExecuteAsync("NOSUCHCOMMAND", "x"));
        Assert.Equal("ERR", unknown.ErrorCode);
        Assert.Equal("v", await client.HashGetAsync(key, "f", ct));
        await client.DeleteAsync(key, ct);
    }

    [Theory]
    [InlineData("SELECT")]
    [InlineData("multi")]
    [InlineData("SUBSCRIBE")]
    [InlineData("HELLO")]
    public async Task ExecuteAsync_ConnectionStateCommand_IsRefusedWithoutConnecting(string command)
    {
        await using var client = new RedisClient(new RedisOptions { Host = "127.0.0.1", Port = 1 });
        var exception = await Assert.ThrowsAsync<ArgumentException>(() => client.ExecuteAsync(command, "1"));
        Assert.Contains("shared by every caller", exception.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(() => client.ExecuteAsync("CLIENT", "REPLY", "OFF"));
        Assert.False(client.IsConnected);
    }

    [Fact]
    public async Task Options_DatabaseAndClientName_AreAppliedOnConnect()
    {
        await using var client = TestRedis.SharedClient(configure: options =>
        {
            options.Database = 2;
            options.ClientName = "civic-redis-tests";
        });
        var ct = TestContext.Current.CancellationToken;

        var info = (await client.ExecuteAsync(["CLIENT", "INFO"], ct)).AsString()!;

        Assert.Contains(" db=2 ", info, StringComparison.Ordinal);
        Assert.Contains(" name=civic-redis-tests ", info, StringComparison.Ordinal);
    }
}
