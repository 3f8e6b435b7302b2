using System.Collections.Concurrent;
using System.Text.Json;
using Civic.Gateway.Redis;
using Microsoft.AspNetCore.DataProtection;
using StackExchange.Redis;

namespace Civic.Gateway.Api.Idempotency;

/// <summary>
/// Idempotency-Key claims in Redis, so every gateway replica sees the same keys: a claim is
/// <c>SET NX PX</c> of a pending record, the first response replaces it for the retention time,
/// and a release deletes the key only if it still holds this claim. Every record is encrypted with
/// the shared Data Protection key ring (purpose <see cref="ProtectorPurpose"/>): a stored response
/// holds names and case texts, which must not lie in Redis in plain text for a day. While Redis is
/// disconnected or failing the gateway serves with the in-process store at once (retries then hold
/// on this replica only).
/// </summary>
public sealed class RedisIdempotencyStore(
    IConnectionMultiplexer redis,
    IDataProtectionProvider dataProtection,
    InMemoryIdempotencyStore fallback,
    ILogger<RedisIdempotencyStore> logger) : IIdempotencyStore
{
    /// <summary>The Data Protection purpose of stored records; a new format gets a new version here.</summary>
    public const string ProtectorPurpose = "Civic.Gateway.Idempotency.v1";

    private const string DeleteIfUnchanged =
        "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end";

    private readonly IDataProtector _protector = dataProtection.CreateProtector(ProtectorPurpose);
    private readonly RedisFallback _fallback = new(logger, "Idempotency-Key");

    // The claims this replica holds (as stored, encrypted), so that a release deletes only its own pending record.
    private readonly ConcurrentDictionary<string, byte[]> _claims = new(StringComparer.Ordinal);

    public async Task<IdempotencyClaim> ClaimAsync(string key, string fingerprint, TimeSpan lockTime, CancellationToken cancellationToken)
    {
        if (!redis.IsConnected)
        {
            _fallback.Enter(exception: null);
            return await fallback.ClaimAsync(key, fingerprint, lockTime, cancellationToken);
        }

        var pending = Protect(new Record(fingerprint, Guid.NewGuid().ToString("N"), null, null, null, null));
        try
        {
            var database = redis.GetDatabase();
            while (true)
            {
                if (await database.StringSetAsync(key, pending, lockTime, When.NotExists))
                {
                    _claims[key] = pending;
                    _fallback.Leave();
                    return new IdempotencyClaim(IdempotencyClaimState.Claimed, fingerprint, null);
                }

                // Null: the key expired between SET and GET; try to claim it again.
                if ((byte[]?)await database.StringGetAsync(key) is { } stored)
                {
                    _fallback.Leave();
                    var record = Unprotect(stored);
                    return record.Status is { } status
                        ? new IdempotencyClaim(IdempotencyClaimState.Completed, record.Fingerprint,
                            new StoredResponse(status, record.ContentType!, record.Body!, record.Location))
                        : new IdempotencyClaim(IdempotencyClaimState.InProgress, record.Fingerprint, null);
                }
            }
        }
        catch (Exception exception) when (RedisFallback.IsRedisFailure(exception))
        {
            _fallback.Enter(exception);
            return await fallback.ClaimAsync(key, fingerprint, lockTime, cancellationToken);
        }
    }

    public async Task CompleteAsync(string key, string fingerprint, StoredResponse response, TimeSpan retention, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        _claims.TryRemove(key, out _);
        if (redis.IsConnected)
        {
            try
            {
                var record = new Record(fingerprint, null, response.Status, response.ContentType, response.Body, response.Location);
                await redis.GetDatabase().StringSetAsync(key, Protect(record), retention);
                return;
            }
            catch (Exception exception) when (RedisFallback.IsRedisFailure(exception))
            {
                _fallback.Enter(exception);
            }
        }
        else
        {
            _fallback.Enter(exception: null);
        }

        await fallback.CompleteAsync(key, fingerprint, response, retention, cancellationToken);
    }

    public async Task ReleaseAsync(string key, CancellationToken cancellationToken)
    {
        if (_claims.TryRemove(key, out var pending) && redis.IsConnected)
        {
            try
            {
                await redis.GetDatabase().ScriptEvaluateAsync(DeleteIfUnchanged, [key], [pending]);
            }
            catch (Exception exception) when (RedisFallback.IsRedisFailure(exception))
            {
                // The pending record expires after its lock time by itself.
                _fallback.Enter(exception);
            }
        }

        await fallback.ReleaseAsync(key, cancellationToken);
    }

    private byte[] Protect(Record record) => _protector.Protect(JsonSerializer.SerializeToUtf8Bytes(record));

    private Record Unprotect(byte[] stored) => JsonSerializer.Deserialize<Record>(_protector.Unprotect(stored))!;

    /// <summary>
    /// What is stored under a key: a pending claim (the body's fingerprint and its owner) or what a replay
    /// needs of the first response (status, content type, body, Location), nothing of the request.
    /// </summary>
    private sealed record Record(string Fingerprint, string? Claim, int? Status, string? ContentType, byte[]? Body, string? Location);
}
