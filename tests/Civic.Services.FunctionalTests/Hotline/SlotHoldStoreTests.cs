using Civic.Hotline.Holds;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;

namespace Civic.Services.FunctionalTests.Hotline;

/// <summary>Both hold stores against a fake clock: expiry, release, counting. The Redis one on the real test Redis.</summary>
public sealed class SlotHoldStoreTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2030, 3, 5, 15, 0, 0, TimeSpan.Zero));
    private ConnectionMultiplexer? _redis;

    public static TheoryData<string> Stores => new() { "in-process", "redis" };

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task TryHold_UntilExpiry_HeldThenFreeAgain(string kind)
    {
        var store = StoreOf(kind);
        var slot = Guid.NewGuid().ToString();
        var now = _clock.GetUtcNow();

        Assert.True(await store.TryHoldAsync(slot, "a", freeSeats: 1, now, now.AddMinutes(10)));
        Assert.False(await store.TryHoldAsync(slot, "b", freeSeats: 1, now, now.AddMinutes(10)));
        var heldBefore = await store.IsHeldAsync(slot, "a", now.AddMinutes(9));
        _clock.Advance(TimeSpan.FromMinutes(10));
        var later = _clock.GetUtcNow();

        Assert.True(heldBefore);
        Assert.False(await store.IsHeldAsync(slot, "a", later));
        Assert.Empty(await store.CountAsync([slot], later));
        Assert.True(await store.TryHoldAsync(slot, "b", freeSeats: 1, later, later.AddMinutes(10)));
        Assert.Equal(1, (await store.CountAsync([slot], later))[slot]);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Release_TheHold_SeatFreeAndReleasingAgainChangesNothing(string kind)
    {
        var store = StoreOf(kind);
        var slot = Guid.NewGuid().ToString();
        var now = _clock.GetUtcNow();
        await store.TryHoldAsync(slot, "a", freeSeats: 2, now, now.AddMinutes(10));
        await store.TryHoldAsync(slot, "b", freeSeats: 2, now, now.AddMinutes(10));

        await store.ReleaseAsync(slot, "a");
        await store.ReleaseAsync(slot, "a");

        Assert.False(await store.IsHeldAsync(slot, "a", now));
        Assert.True(await store.IsHeldAsync(slot, "b", now));
        Assert.Equal(1, (await store.CountAsync([slot, Guid.NewGuid().ToString()], now)).Single().Value);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
    }

    private ISlotHoldStore StoreOf(string kind)
    {
        if (kind == "in-process")
        {
            return new InProcessSlotHoldStore();
        }

        _redis = ConnectionMultiplexer.Connect(HotlineWithRedis.RequireRedis());
        var options = Options.Create(new HoldOptions { RedisKeyPrefix = $"civic-test:hotline:holds:{Guid.NewGuid():N}" });
        return new RedisSlotHoldStore(_redis, options, NullLogger<RedisSlotHoldStore>.Instance);
    }
}
