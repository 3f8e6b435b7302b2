using Civic.Network.ResourcePersons;
using Microsoft.Extensions.Options;

namespace Civic.Network.Search;

/// <summary>
/// First pages of searches (hits, total and facets), each kept with the search generation it was computed at
/// (Migrations/0012: every change of a profile, a search row or the capacity ledger increments it). A kept page is
/// given back only while the generation is still the same, so it is always the answer the database would give now;
/// it is also dropped after <see cref="SearchCacheOptions.Lifetime"/>, and at most <see cref="SearchCacheOptions.Entries"/>
/// are kept (the least recently used go first), so memory stays bounded. One per process; thread-safe.
/// </summary>
public sealed class SearchResultCache(IOptions<SearchCacheOptions> options, TimeProvider timeProvider)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> _entries = new(StringComparer.Ordinal);

    // Most recently used first.
    private readonly LinkedList<Entry> _recency = new();

    public bool IsEnabled => options.Value.Entries > 0;

    /// <summary>How many pages are kept now.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>The page kept under <paramref name="key"/> when it was computed at <paramref name="generation"/> and is not too old.</summary>
    public SearchResult? Find(string key, long generation)
    {
        lock (_lock)
        {
            if (!_entries.TryGetValue(key, out var node))
            {
                return null;
            }

            if (node.Value.Generation != generation || timeProvider.GetUtcNow() - node.Value.StoredAt >= options.Value.Lifetime)
            {
                Remove(node);
                return null;
            }

            _recency.Remove(node);
            _recency.AddFirst(node);
            return node.Value.Result;
        }
    }

    /// <summary>Keeps <paramref name="result"/>, computed after reading <paramref name="generation"/>, under <paramref name="key"/>.</summary>
    public void Store(string key, long generation, SearchResult result)
    {
        var limit = options.Value.Entries;
        if (limit <= 0)
        {
            return;
        }

        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var existing))
            {
                // A search that read an older generation finished after one that read a newer: keep the newer.
                if (existing.Value.Generation > generation)
                {
                    return;
                }

                Remove(existing);
            }

            _entries[key] = _recency.AddFirst(new Entry(key, generation, timeProvider.GetUtcNow(), result));
            while (_entries.Count > limit)
            {
                Remove(_recency.Last!);
            }
        }
    }

    private void Remove(LinkedListNode<Entry> node)
    {
        _recency.Remove(node);
        _entries.Remove(node.Value.Key);
    }

    private sealed record Entry(string Key, long Generation, DateTimeOffset StoredAt, SearchResult Result);
}
