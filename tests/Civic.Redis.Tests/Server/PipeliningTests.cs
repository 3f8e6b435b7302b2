using System.Globalization;
using Civic.Redis.Tests.Infrastructure;

namespace Civic.Redis.Tests.Server;

/// <summary>Many callers on one multiplexed connection: every reply reaches the caller that asked.</summary>
public class PipeliningTests
{
    private const int Callers = 50;
    private const int OperationsPerCaller = 300;

    [Theory]
    [InlineData(RedisProtocol.Resp2)]
    [InlineData(RedisProtocol.Resp3)]
    public async Task ConcurrentCallers_IncrementAndGet_AllRepliesMatch(RedisProtocol protocol)
    {
        await using var client = TestRedis.SharedClient(protocol);
        var shared = TestRedis.UniqueKey("shared");
        var prefix = TestRedis.UniqueKey("own");
        var ct = TestContext.Current.CancellationToken;
        await client.ConnectAsync(ct);

        var callers = Enumerable.Range(0, Callers).Select(caller => Task.Run(async () =>
        {
            var own = $"{prefix}:{caller}";
            var sharedTotals = new List<long>(OperationsPerCaller);
            for (var i = 1; i <= OperationsPerCaller; i++)
            {
                // The caller's own counter must count 1, 2, 3… exactly: a reply meant for another caller would break the sequence.
                Assert.Equal(i, await client.IncrementAsync(own, cancellationToken: ct));
                sharedTotals.Add(await client.IncrementAsync(shared, caller + 1, ct));
                if (i % 50 == 0)
                {
                    Assert.Equal(i.ToString(CultureInfo.InvariantCulture), await client.GetAsync(own, ct));
                    var echo = $"{caller}:{i}";
                    Assert.Equal(echo, (await client.ExecuteAsync(["ECHO", echo], ct)).AsString());
                }
            }

            return sharedTotals;
        }, ct)).ToList();

        var totals = (await Task.WhenAll(callers)).SelectMany(list => list).ToList();

        // Every INCRBY on the shared counter returns a different running total, the last being the sum of all increments.
        var expected = Enumerable.Range(1, Callers).Sum(increment => (long)increment * OperationsPerCaller);
        Assert.Equal(Callers * OperationsPerCaller, totals.Distinct().Count());
        Assert.Equal(expected, totals.Max());
        Assert.Equal(expected.ToString(CultureInfo.InvariantCulture), await client.GetAsync(shared, ct));
        Assert.Equal(Callers, await client.DeleteAsync(Enumerable.Range(0, Callers).Select(caller => $"{prefix}:{caller}"), ct));
        await client.DeleteAsync(shared, ct);
    }

    [Fact]
    public async Task ConcurrentCallers_LargeValues_RoundTripIntact()
    {
        await using var client = TestRedis.SharedClient();
        var prefix = TestRedis.UniqueKey("large");
        var ct = TestContext.Current.CancellationToken;

        await Task.WhenAll(Enumerable.Range(0, 20).Select(caller => Task.Run(async () =>
        {
            var value = new byte[200_000 + caller];
            new Random(caller).NextBytes(value);
            var key = $"{prefix}:{caller}";
            await client.SetAsync(key, value, cancellationToken: ct);
            Assert.Equal(value, await client.GetBytesAsync(key, ct));
            await client.DeleteAsync(key, ct);
        }, ct)));
    }
}
