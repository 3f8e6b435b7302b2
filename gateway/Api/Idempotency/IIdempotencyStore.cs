namespace Civic.Gateway.Api.Idempotency;

/// <summary>What became of an attempt to claim an Idempotency-Key.</summary>
public enum IdempotencyClaimState
{
    /// <summary>The key was free: this request runs and then completes or releases it.</summary>
    Claimed,

    /// <summary>Another request with the key is running now.</summary>
    InProgress,

    /// <summary>A request with the key finished; its response is stored.</summary>
    Completed,
}

/// <summary>A stored first response.</summary>
public sealed record StoredResponse(int Status, string ContentType, byte[] Body, string? Location);

/// <summary>The answer to a claim: the state, the fingerprint of the request that holds the key, and its response once completed.</summary>
public sealed record IdempotencyClaim(IdempotencyClaimState State, string Fingerprint, StoredResponse? Response);

/// <summary>
/// Keeps Idempotency-Key claims and first responses. In memory for one gateway; in Redis when
/// several gateway replicas must agree (Gateway:Api:IdempotencyStore=Redis).
/// </summary>
public interface IIdempotencyStore
{
    /// <summary>Claims <paramref name="key"/> for a request with this body fingerprint, for at most <paramref name="lockTime"/>.</summary>
    Task<IdempotencyClaim> ClaimAsync(string key, string fingerprint, TimeSpan lockTime, CancellationToken cancellationToken);

    /// <summary>Stores the first response of a claimed key for <paramref name="retention"/>.</summary>
    Task CompleteAsync(string key, string fingerprint, StoredResponse response, TimeSpan retention, CancellationToken cancellationToken);

    /// <summary>Frees a claimed key without a response (the request failed in a way worth retrying).</summary>
    Task ReleaseAsync(string key, CancellationToken cancellationToken);
}
