using System.Text.Json;
using Civic.Redis;

namespace Civic.Gateway.Api.Idempotency;

/// <summary>
/// Idempotency-Key claims in Redis, so every gateway replica sees the same keys: a claim is
/// <c>SET NX PX</c> of a pending record, the first response replaces it for the retention time,
/// and a release deletes the key only if it still holds this claim. While Redis is unreachable
/// the gateway keeps serving with the in-process store (retries then hold on this replica only).
/// </summary>
public sealed partial class RedisIdempotencyStore(RedisClient redis, InMemoryIdempotencyStore fallback, ILogger<RedisIdempotencyStore> logger) : IIdempotencyStore
{
    private static readonly RedisScript DeleteIfUnchanged = new(
        "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end");

    // The claims this replica holds, so that a release deletes only its own pending record.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte[]> _claims = new(StringComparer.Ordinal);

    public async Task<IdempotencyClaim> ClaimAsync(string key, string fingerprint, TimeSpan lockTime, CancellationToken cancellationToken)
    {
        var pending = JsonSerializer.SerializeToUtf8Bytes(new Record(fingerprint, Guid.NewGuid().ToString("N"), null, null, null, null));
        try
        {
            while (true)
            {
                if (await redis.SetAsync(key, pending, lockTime, SetCondition.IfNotExists, cancellationToken))
                {
                    _claims[key] = pending;
                    return new IdempotencyClaim(IdempotencyClaimState.Claimed, fingerprint, null);
                }

                // Null: the key expired between SET and GET; try to claim it again.
                if (await redis.GetBytesAsync(key, cancellationToken) is { } stored)
                {
                    var record = JsonSerializer.Deserialize<Record>(stored)!;
                    return record.Status is { } status
                        ? new IdempotencyClaim(IdempotencyClaimState.Completed, record.Fingerprint,
                            new StoredResponse(status, record.ContentType!, record.Body!, record.Location))
                        : new IdempotencyClaim(IdempotencyClaimState.InProgress, record.Fingerprint, null);
                }
            }
        }
        catch (RedisException exception)
        {
            Log.FallingBack(logger, exception.GetType().Name);
            return await fallback.ClaimAsync(key, fingerprint, lockTime, cancellationToken);
        }
    }

    public async Task CompleteAsync(string key, string fingerprint, StoredResponse response, TimeSpan retention, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        _claims.TryRemove(key, out _);
        var record = new Record(fingerprint, null, response.Status, response.ContentType, response.Body, response.Location);
        try
        {
            await redis.SetAsync(key, JsonSerializer.SerializeToUtf8Bytes(record), retention, SetCondition.Always, cancellationToken);
        }
        catch (RedisException exception)
        {
            Log.FallingBack(logger, exception.GetType().Name);
            await fallback.CompleteAsync(key, fingerprint, response, retention, cancellationToken);
        }
    }

    public async Task ReleaseAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            if (_claims.TryRemove(key, out var pending))
            {
                await redis.EvaluateAsync(DeleteIfUnchanged, [key], [pending], cancellationToken);
            }
        }
        catch (RedisException exception)
        {
            Log.FallingBack(logger, exception.GetType().Name);
        }

        await fallback.ReleaseAsync(key, cancellationToken);
    }

    /// <summary>What is stored under a key: a pending claim (with its owner) or a completed response.</summary>
    private sealed record Record(string Fingerprint, string? Claim, int? Status, string? ContentType, byte[]? Body, string? Location);

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Redis is unavailable ({Error}); Idempotency-Key falls back to this gateway's memory")]
        public static partial void FallingBack(ILogger logger, string error);
    }
}
