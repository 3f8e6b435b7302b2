using System.Collections.Concurrent;

namespace Civic.Gateway.Api.Idempotency;

/// <summary>Idempotency-Key claims in this process's memory: right for one gateway on one machine.</summary>
public sealed class InMemoryIdempotencyStore(TimeProvider timeProvider) : IIdempotencyStore
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _nextSweepTicks;

    public Task<IdempotencyClaim> ClaimAsync(string key, string fingerprint, TimeSpan lockTime, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        SweepIfDue(now);
        var claim = new Entry(fingerprint, null, now + lockTime);
        while (true)
        {
            if (_entries.TryAdd(key, claim))
            {
                return Task.FromResult(new IdempotencyClaim(IdempotencyClaimState.Claimed, fingerprint, null));
            }

            if (!_entries.TryGetValue(key, out var existing))
            {
                continue;
            }

            if (existing.ExpiresAt <= now)
            {
                // An abandoned claim or an expired response: the key is free again.
                if (_entries.TryUpdate(key, claim, existing))
                {
                    return Task.FromResult(new IdempotencyClaim(IdempotencyClaimState.Claimed, fingerprint, null));
                }

                continue;
            }

            var state = existing.Response is null ? IdempotencyClaimState.InProgress : IdempotencyClaimState.Completed;
            return Task.FromResult(new IdempotencyClaim(state, existing.Fingerprint, existing.Response));
        }
    }

    public Task CompleteAsync(string key, string fingerprint, StoredResponse response, TimeSpan retention, CancellationToken cancellationToken)
    {
        _entries[key] = new Entry(fingerprint, response, timeProvider.GetUtcNow() + retention);
        return Task.CompletedTask;
    }

    public Task ReleaseAsync(string key, CancellationToken cancellationToken)
    {
        _entries.TryRemove(key, out _);
        return Task.CompletedTask;
    }

    private void SweepIfDue(DateTimeOffset now)
    {
        var due = Interlocked.Read(ref _nextSweepTicks);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref _nextSweepTicks, (now + SweepInterval).UtcTicks, due) != due)
        {
            return;
        }

        foreach (var (key, entry) in _entries)
        {
            if (entry.ExpiresAt <= now)
            {
                _entries.TryRemove(KeyValuePair.Create(key, entry));
            }
        }
    }

    private sealed record Entry(string Fingerprint, StoredResponse? Response, DateTimeOffset ExpiresAt);
}
