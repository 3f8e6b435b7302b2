using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Civic.Hotline.Holds;

/// <summary>
/// Holds in Redis, shared by every replica: one sorted set per slot, hold id → expiry (Unix ms on the service's
/// clock), and the key itself expires a little after its last hold. While Redis cannot answer, holds are kept in
/// this process (<see cref="InProcessSlotHoldStore"/>): booking goes on, degraded, and the database still decides.
/// </summary>
public sealed partial class RedisSlotHoldStore(IConnectionMultiplexer redis, IOptions<HoldOptions> options, ILogger<RedisSlotHoldStore> logger) : ISlotHoldStore
{
    // Drop expired holds, count the live ones, add this one when they do not cover the free seats: one step,
    // so two requests for the last free seat cannot both get it.
    private const string HoldScript = """
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
        if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then return 0 end
        redis.call('ZADD', KEYS[1], ARGV[2], ARGV[4])
        local ttl = redis.call('PTTL', KEYS[1])
        if ttl < tonumber(ARGV[5]) then redis.call('PEXPIRE', KEYS[1], ARGV[5]) end
        return 1
        """;

    private readonly InProcessSlotHoldStore _fallback = new();
    private int _fallingBack;

    public Task<bool> TryHoldAsync(string slotId, string holdId, int freeSeats, DateTimeOffset now, DateTimeOffset expiresAt) =>
        RunAsync(
            async database =>
            {
                // The key outlives its newest hold by a minute, so clock skew between replicas never drops a live hold.
                var keyLifetime = (long)(expiresAt - now).TotalMilliseconds + 60_000;
                var added = await database.ScriptEvaluateAsync(HoldScript, [Key(slotId)],
                    [now.ToUnixTimeMilliseconds(), expiresAt.ToUnixTimeMilliseconds(), freeSeats, holdId, keyLifetime]);
                return (long)added == 1;
            },
            () => _fallback.TryHoldAsync(slotId, holdId, freeSeats, now, expiresAt));

    public Task<bool> IsHeldAsync(string slotId, string holdId, DateTimeOffset now) =>
        RunAsync(
            async database => await database.SortedSetScoreAsync(Key(slotId), holdId) is { } expires && expires > now.ToUnixTimeMilliseconds(),
            () => _fallback.IsHeldAsync(slotId, holdId, now));

    public Task<IReadOnlyDictionary<string, int>> CountAsync(IReadOnlyCollection<string> slotIds, DateTimeOffset now) =>
        RunAsync(
            async database =>
            {
                // One round trip for all slots of a listing.
                var batch = database.CreateBatch();
                var counts = slotIds.Select(id => (Id: id, Count: batch.SortedSetLengthAsync(Key(id), now.ToUnixTimeMilliseconds(), double.PositiveInfinity, Exclude.Start))).ToList();
                batch.Execute();
                var result = new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var (id, count) in counts)
                {
                    if (await count is > 0 and var live)
                    {
                        result[id] = (int)live;
                    }
                }

                return (IReadOnlyDictionary<string, int>)result;
            },
            () => _fallback.CountAsync(slotIds, now));

    public Task ReleaseAsync(string slotId, string holdId) =>
        RunAsync(
            async database => await database.SortedSetRemoveAsync(Key(slotId), holdId),
            async () =>
            {
                await _fallback.ReleaseAsync(slotId, holdId);
                return true;
            });

    private RedisKey Key(string slotId) => $"{options.Value.RedisKeyPrefix}:{slotId}";

    private async Task<T> RunAsync<T>(Func<IDatabase, Task<T>> onRedis, Func<Task<T>> inProcess)
    {
        if (redis.IsConnected)
        {
            try
            {
                var result = await onRedis(redis.GetDatabase());
                if (Interlocked.Exchange(ref _fallingBack, 0) == 1)
                {
                    LogBackOnRedis(logger);
                }

                return result;
            }
            catch (Exception exception) when (exception is RedisException or RedisTimeoutException)
            {
                FallBack(exception);
                return await inProcess();
            }
        }

        FallBack(null);
        return await inProcess();
    }

    private void FallBack(Exception? exception)
    {
        if (Interlocked.Exchange(ref _fallingBack, 1) == 0)
        {
            LogFellBack(logger, exception?.GetType().Name ?? "not connected", exception);
        }
    }

    [LoggerMessage(1, LogLevel.Warning, "Slot holds fall back to this process's memory: Redis unavailable ({Reason})")]
    private static partial void LogFellBack(ILogger logger, string reason, Exception? exception);

    [LoggerMessage(2, LogLevel.Information, "Slot holds use Redis again")]
    private static partial void LogBackOnRedis(ILogger logger);
}
