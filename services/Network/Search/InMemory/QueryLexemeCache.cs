using System.Collections.Concurrent;

namespace Civic.Network.Search.InMemory;

/// <summary>
/// The lexemes PostgreSQL's to_tsquery('danish', …) gave a search's words (<see cref="TsQueryLexemes"/>), per process,
/// keyed by the query text: the "danish" configuration's stemmer and stop words give the same lexemes for the same words
/// as long as the database's configuration is not altered (no migration does), so only words not seen before cost a
/// round trip for them. Null is kept too: words whose query the index does not understand go to the SQL at once.
/// Bounded: past <see cref="MaxEntries"/> it starts over (a few hundred bytes an entry). Thread-safe.
/// </summary>
public sealed class QueryLexemeCache
{
    public const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, IReadOnlyList<string>?> _lexemes = new(StringComparer.Ordinal);

    // ConcurrentDictionary.Count takes every lock; this counts additions instead (a race may overshoot by a few).
    private int _count;

    public bool TryGet(string queryText, out IReadOnlyList<string>? lexemes) => _lexemes.TryGetValue(queryText, out lexemes);

    public void Add(string queryText, IReadOnlyList<string>? lexemes)
    {
        if (Interlocked.Increment(ref _count) > MaxEntries)
        {
            _lexemes.Clear();
            Interlocked.Exchange(ref _count, 1);
        }

        _lexemes[queryText] = lexemes;
    }
}
