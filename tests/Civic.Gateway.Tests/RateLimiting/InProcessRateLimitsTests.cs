using Civic.Gateway.RateLimiting;
using Civic.Gateway.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;

namespace Civic.Gateway.Tests.RateLimiting;

/// <summary>The in-process fixed windows on a fake clock: counts, window ends and Retry-After.</summary>
public sealed class InProcessRateLimitsTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 4, 10, 0, 0, TimeSpan.Zero);

    private static readonly RateLimitRequest Caller = new(RateLimitPolicy.Anonymous, "ip:203.0.113.7");

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(0, 60)]
    [InlineData(1, 60)]
    [InlineData(40_000, 20)]
    [InlineData(59_200, 1)]
    [InlineData(59_999, 1)]
    public void Acquire_OverLimit_RetryAfterIsWhatIsLeftOfTheWindow(int millisecondsIntoWindow, int expectedSeconds)
    {
        var time = new FakeTimeProvider(Start);
        var limits = Limits(time, permitLimit: 2);
        limits.Acquire(Caller);
        time.Advance(TimeSpan.FromMilliseconds(millisecondsIntoWindow));
        limits.Acquire(Caller);

        var rejected = limits.Acquire(Caller);

        Assert.False(rejected.Allowed);
        Assert.Equal(TimeSpan.FromMilliseconds(60_000 - millisecondsIntoWindow), rejected.RetryAfter);
        Assert.Equal(expectedSeconds, rejected.RetryAfterSeconds);
    }

    [Fact]
    public void Acquire_WindowEnds_NewWindowStartsWithTheNextRequest()
    {
        var time = new FakeTimeProvider(Start);
        var limits = Limits(time, permitLimit: 1);

        var first = limits.Acquire(Caller);
        time.Advance(TimeSpan.FromSeconds(59.5));
        var lastMoment = limits.Acquire(Caller);
        time.Advance(TimeSpan.FromSeconds(0.5));
        var nextWindow = limits.Acquire(Caller);
        time.Advance(TimeSpan.FromSeconds(15));
        var overInNextWindow = limits.Acquire(Caller);

        Assert.True(first.Allowed);
        Assert.False(lastMoment.Allowed);
        Assert.Equal(TimeSpan.FromSeconds(0.5), lastMoment.RetryAfter);
        Assert.Equal(1, lastMoment.RetryAfterSeconds);
        Assert.True(nextWindow.Allowed);
        Assert.False(overInNextWindow.Allowed);
        Assert.Equal(45, overInNextWindow.RetryAfterSeconds);
    }

    [Fact]
    public void Acquire_OtherPartitionOrPolicy_CountedSeparately()
    {
        var limits = Limits(new FakeTimeProvider(Start), permitLimit: 1);

        var first = limits.Acquire(Caller);
        var again = limits.Acquire(Caller);
        var otherAddress = limits.Acquire(Caller with { Partition = "ip:203.0.113.8" });
        var login = limits.Acquire(Caller with { Policy = RateLimitPolicy.Login });

        Assert.True(first.Allowed);
        Assert.False(again.Allowed);
        Assert.True(otherAddress.Allowed);
        Assert.True(login.Allowed);
    }

    [Fact]
    public void Acquire_ConcurrentCallers_NoCountLost()
    {
        var limits = Limits(new FakeTimeProvider(Start), permitLimit: 500);
        var allowed = 0;

        Parallel.For(0, 2_000, _ =>
        {
            if (limits.Acquire(Caller).Allowed)
            {
                Interlocked.Increment(ref allowed);
            }
        });

        Assert.Equal(500, allowed);
    }

    [Fact]
    public async Task Acquire_AfterWindowsEnded_EndedPartitionsRemoved()
    {
        var time = new FakeTimeProvider(Start);
        var limits = Limits(time, permitLimit: 5);
        foreach (var address in new[] { "203.0.113.7", "203.0.113.8", "203.0.113.9" })
        {
            limits.Acquire(Caller with { Partition = "ip:" + address });
        }

        var before = limits.PartitionCount;
        time.Advance(TimeSpan.FromMinutes(1));
        limits.Acquire(Caller);
        // The sweep runs on the thread pool.
        for (var attempt = 0; attempt < 100 && limits.PartitionCount != 1; attempt++)
        {
            await Task.Delay(50, Cancel);
        }

        Assert.Equal(3, before);
        Assert.Equal(1, limits.PartitionCount);
    }

    [Fact]
    public async Task Acquire_OverLimit_SameRetryAfterAsRedisForAWindowStartingWithRedis()
    {
        var (host, port) = TestRedis.Endpoint();
        // A clock at the start of a Redis window (whole minutes since the Unix epoch), 40 s before the Redis one ends.
        var time = new FakeTimeProvider(Start);
        var options = Options.Create(Settings(permitLimit: 2));
        options.Value.RedisKeyPrefix = "civic-test:" + Guid.NewGuid().ToString("N");
        await using var connection = await ConnectionMultiplexer.ConnectAsync($"{host}:{port}");
        var redis = new RedisRateLimits(connection, options, time);
        var inProcess = new InProcessRateLimits(options, time);

        foreach (var _ in Enumerable.Range(0, 2))
        {
            await redis.AcquireAsync(Caller);
            inProcess.Acquire(Caller);
        }

        time.Advance(TimeSpan.FromSeconds(20));
        var fromRedis = await redis.AcquireAsync(Caller);
        var fromProcess = inProcess.Acquire(Caller);

        Assert.False(fromRedis.Allowed);
        Assert.False(fromProcess.Allowed);
        Assert.Equal(TimeSpan.FromSeconds(40), fromRedis.RetryAfter);
        Assert.Equal(fromRedis.RetryAfter, fromProcess.RetryAfter);
        Assert.Equal(40, fromProcess.RetryAfterSeconds);
    }

    private static InProcessRateLimits Limits(TimeProvider time, int permitLimit) =>
        new(Options.Create(Settings(permitLimit)), time);

    private static RateLimitingOptions Settings(int permitLimit) => new()
    {
        Anonymous = new RateLimitPolicyOptions { PermitLimit = permitLimit, Window = TimeSpan.FromMinutes(1) },
    };
}
