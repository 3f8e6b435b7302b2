using Civic.Redis.Tests.Infrastructure;

namespace Civic.Redis.Tests.Server;

/// <summary>RESP3 types as a real server sends them after HELLO 3.</summary>
public class Resp3Tests
{
    [Fact]
    public async Task HashGetAll_Resp3_IsMap_Resp2_IsArray()
    {
        var key = TestRedis.UniqueKey("map");
        var ct = TestContext.Current.CancellationToken;
        await using var resp3 = TestRedis.SharedClient(RedisProtocol.Resp3);
        await using var resp2 = TestRedis.SharedClient(RedisProtocol.Resp2);
        await resp3.HashSetAsync(key, [new("a", "1"), new("b", "2")], ct);

        var map = await resp3.ExecuteAsync(["HGETALL", key], ct);
        var array = await resp2.ExecuteAsync(["HGETALL", key], ct);

        Assert.Equal(RedisReplyType.Map, map.Type);
        Assert.Equal(RedisReplyType.Array, array.Type);
        Assert.Equal(map.AsStringDictionary(), array.AsStringDictionary());
        await resp3.DeleteAsync(key, ct);
    }

    [Fact]
    public async Task Commands_Resp3_ReturnSetDoubleNullBooleanBigNumberAndVerbatim()
    {
        var set = TestRedis.UniqueKey("set");
        var zset = TestRedis.UniqueKey("zset");
        var ct = TestContext.Current.CancellationToken;
        await using var client = TestRedis.SharedClient(RedisProtocol.Resp3);
        await client.ExecuteAsync(["SADD", set, "x", "y"], ct);
        await client.ExecuteAsync(["ZADD", zset, "1.5", "member"], ct);

        var members = await client.ExecuteAsync(["SMEMBERS", set], ct);
        Assert.Equal(RedisReplyType.Set, members.Type);
        Assert.Equal(["x", "y"], members.Elements.Select(e => e.AsString()).Order());

        var score = await client.ExecuteAsync(["ZSCORE", zset, "member"], ct);
        Assert.Equal(RedisReplyType.Double, score.Type);
        Assert.Equal(1.5, score.AsDouble());

        Assert.Equal(RedisReplyType.Null, (await client.ExecuteAsync(["GET", TestRedis.UniqueKey("missing")], ct)).Type);

        // Lua booleans become RESP3 booleans once the script itself speaks RESP3.
        var yes = await client.ExecuteAsync(["EVAL", "redis.setresp(3); return true", 0], ct);
        Assert.Equal(RedisReplyType.Boolean, yes.Type);
        Assert.True(yes.AsBoolean());
        Assert.False((await client.ExecuteAsync(["EVAL", "redis.setresp(3); return false", 0], ct)).AsBoolean());

        var pi = await client.ExecuteAsync(["EVAL", "return {double=3.25}", 0], ct);
        Assert.Equal(RedisReplyType.Double, pi.Type);
        Assert.Equal(3.25, pi.AsDouble());

        var big = await client.ExecuteAsync(["EVAL", "return {big_number='1234567890123456789012345678901234567890'}", 0], ct);
        Assert.Equal(RedisReplyType.BigNumber, big.Type);
        Assert.Equal("1234567890123456789012345678901234567890", big.AsBigInteger().ToString(System.Globalization.CultureInfo.InvariantCulture));

        var info = await client.ExecuteAsync(["INFO", "server"], ct);
        Assert.Equal(RedisReplyType.VerbatimString, info.Type);
        Assert.Equal("txt", info.VerbatimFormat);
        Assert.Contains("redis_version:", info.AsString(), StringComparison.Ordinal);

        await client.DeleteAsync([set, zset], ct);
    }

    [Fact]
    public async Task ZScore_Resp2_IsBulkStringThatReadsAsDouble()
    {
        var zset = TestRedis.UniqueKey("zset2");
        var ct = TestContext.Current.CancellationToken;
        await using var client = TestRedis.SharedClient(RedisProtocol.Resp2);
        await client.ExecuteAsync(["ZADD", zset, "2.5", "m"], ct);

        var score = await client.ExecuteAsync(["ZSCORE", zset, "m"], ct);

        Assert.Equal(RedisReplyType.BulkString, score.Type);
        Assert.Equal(2.5, score.AsDouble());
        await client.DeleteAsync(zset, ct);
    }

    [Fact]
    public async Task OutOfBandPush_OnCommandConnection_DoesNotDisturbReplies()
    {
        var key = TestRedis.UniqueKey("tracked");
        var ct = TestContext.Current.CancellationToken;
        await using var tracked = TestRedis.SharedClient(RedisProtocol.Resp3);
        await using var other = TestRedis.SharedClient();
        // Client-side caching: Redis pushes an 'invalidate' message to this connection when the key changes.
        await tracked.ExecuteAsync(["CLIENT", "TRACKING", "ON"], ct);
        await other.SetAsync(key, "0", cancellationToken: ct);
        Assert.Equal("0", await tracked.GetAsync(key, ct));

        for (var i = 1; i <= 20; i++)
        {
            await other.SetAsync(key, i.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken: ct);
            Assert.Equal(i.ToString(System.Globalization.CultureInfo.InvariantCulture), await tracked.GetAsync(key, ct));
            Assert.Equal("PONG", (await tracked.ExecuteAsync(["PING"], ct)).AsString());
        }

        await other.DeleteAsync(key, ct);
    }
}
