using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace Civic.Network.Search.InMemory;

/// <summary>
/// The PostgreSQL service's search index in memory, one per replica (issue 10: a search that never ran before must cost
/// about as much as reading one profile, and PostgreSQL's cost grows with the thousands of matches). It holds the
/// search rows of both audiences (<see cref="AudienceIndex"/>) as of one search generation (Migrations/0012) and answers
/// exactly as PostgresSearchIndex's SQL would; PostgreSQL still defines matching, as a search's lexemes are what
/// to_tsquery('danish', …) gave its words (asked once per process for the same words, <see cref="QueryLexemeCache"/>).
/// <para>Current: a page is given only with its profiles read in a snapshot at the index's generation. When the database
/// has moved on, the search reads the generation and first re-reads the profiles search_changes (Migrations/0013) lists
/// as changed since the index's (one search at a time does; the others wait for it), so a change is seen by the very
/// next search. Until the index is built (in the background, started by the first search), after a TRUNCATE, too many
/// changes, or a new ledger month, searches get null and run the SQL instead.</para>
/// </summary>
public sealed class ProfileSearchIndex(IServiceScopeFactory scopes, IOptions<SearchIndexOptions> options, IHostApplicationLifetime lifetime, ILogger<ProfileSearchIndex> logger) : IDisposable
{
    private readonly ReaderWriterLockSlim _lock = new();
    private readonly SemaphoreSlim _catchUp = new(1, 1);
    private readonly Lock _buildLock = new();
    private readonly QueryLexemeCache _queryLexemes = new();
    private State? _state;
    private Task _building = Task.CompletedTask;

    public bool IsEnabled => options.Value.Enabled;

    /// <summary>The generation the index reflects; null while it is not built.</summary>
    public long? Generation => Volatile.Read(ref _state)?.Generation;

    /// <summary>Searches answered from memory (for tests and the benchmark's log).</summary>
    public long Answered => Interlocked.Read(ref _answered);

    private long _answered;

    /// <summary>Builds the index for <paramref name="month"/> unless it is built or being built, and waits for that.</summary>
    public Task BuildAsync(string month)
    {
        StartBuild(month);
        lock (_buildLock)
        {
            return _building;
        }
    }

    /// <summary>
    /// The page from memory with its hits' whole profiles, or null when the index cannot answer now (the caller runs the
    /// SQL). The page is computed at the index's generation and confirmed by reading its profiles only if the database is
    /// still at that generation, in one statement (<see cref="PageProfiles.ReadIfAtAsync"/>): one round trip when nothing
    /// changed. When something did, the index reads the generation, catches up and answers again, as before.
    /// </summary>
    public async Task<SearchPage?> SearchAsync(NetworkDbContext db, SearchQuery query, CancellationToken cancellationToken)
    {
        if (!IsEnabled)
        {
            return null;
        }

        if (Volatile.Read(ref _state) is null)
        {
            StartBuild(query.Month);
            return null;
        }

        // Null: no words, everyone. Words not seen before cost a round trip for PostgreSQL's lexemes, which reads the
        // generation as well: then the index catches up to it first.
        IReadOnlyList<string>? lexemes = null;
        long? generation = null;
        if (query.Words.Count > 0 && !_queryLexemes.TryGet(query.PrefixTsQuery, out lexemes))
        {
            (generation, var queryText) = await SearchRowReader.GenerationAndQueryAsync(db, query.PrefixTsQuery, cancellationToken);
            lexemes = TsQueryLexemes.Parse(queryText);
            _queryLexemes.Add(query.PrefixTsQuery, lexemes);
        }

        if (query.Words.Count > 0 && lexemes is null)
        {
            return null;
        }

        if (await AnswerAsync(db, lexemes, query, generation, cancellationToken) is not (var page, var at))
        {
            return null;
        }

        var profiles = await PageProfiles.ReadIfAtAsync(db, IdsOf(page), at, cancellationToken);
        if (profiles is null)
        {
            // Changed since: the generation now, and the answer at it (a result reflects at least the generation read before it).
            generation = await SearchGeneration.ReadAsync(db, cancellationToken);
            if (await AnswerAsync(db, lexemes, query, generation, cancellationToken) is not (var current, _))
            {
                return null;
            }

            page = current;
            profiles = await PageProfiles.ReadAsync(db, IdsOf(page), cancellationToken);
        }

        if (Interlocked.Increment(ref _answered) % 100 == 0)
        {
            LogMemory("after searches");
        }

        return page with { Profiles = profiles };
    }

    public void Dispose()
    {
        _lock.Dispose();
        _catchUp.Dispose();
    }

    private static List<string> IdsOf(SearchPage page) => page.Hits.Select(h => h.Person.Id).ToList();

    /// <summary>
    /// The page at the index's generation, once it is at least <paramref name="generation"/> (null: whatever it is) and
    /// for <see cref="SearchQuery.Month"/>; null when it cannot answer (a rebuild is under way).
    /// </summary>
    private async Task<(SearchPage Page, long Generation)?> AnswerAsync(NetworkDbContext db, IReadOnlyList<string>? lexemes, SearchQuery query, long? generation, CancellationToken cancellationToken)
    {
        if (!await CatchUpAsync(db, generation, query.Month, cancellationToken))
        {
            return null;
        }

        _lock.EnterReadLock();
        try
        {
            // A rebuild may have swapped in an older state since the catch-up: then the SQL answers this once.
            if (_state is not { } state || state.Generation < generation || state.Month != query.Month)
            {
                return null;
            }

            return (state.For(query.Audience).Search(lexemes, query), state.Generation);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>
    /// Brings the index to <paramref name="generation"/> or later (null: only to the month); false when it cannot (a
    /// rebuild is under way).
    /// </summary>
    private async Task<bool> CatchUpAsync(NetworkDbContext db, long? generation, string month, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _state) is { } current && (generation is null || current.Generation >= generation) && current.Month == month)
        {
            return true;
        }

        await _catchUp.WaitAsync(cancellationToken);
        try
        {
            if (Volatile.Read(ref _state) is not { } state)
            {
                return false;
            }

            if ((generation is null || state.Generation >= generation) && state.Month == month)
            {
                return true;
            }

            if (state.Month != month)
            {
                Rebuild(month, "the ledger month changed");
                return false;
            }

            var (changes, rows) = await SearchRowReader.ReadChangesAsync(db, state.Generation, month, cancellationToken);
            if (changes.PersonIds is null)
            {
                Rebuild(month, $"more than {SearchRowReader.MaxChangesToCatchUp} profiles changed, or a table was truncated");
                return false;
            }

            _lock.EnterWriteLock();
            try
            {
                state.Apply(changes, rows);
            }
            finally
            {
                _lock.ExitWriteLock();
            }

            // Replaced rows leave gaps; past a quarter, a fresh build (serving from this one meanwhile) gives the memory back.
            if (state.Gaps > Math.Max(1_000, state.LiveRows / 4))
            {
                StartBuild(month);
            }

            return true;
        }
        finally
        {
            _catchUp.Release();
        }
    }

    /// <summary>
    /// The process's managed memory, at Debug level (the service exposes no runtime metrics; bench/network-search/memory.sh
    /// reads these lines): the heap as the last collection left it, and what is allocated now.
    /// </summary>
    private void LogMemory(string moment)
    {
        if (!logger.IsEnabled(LogLevel.Debug))
        {
            return;
        }

        var gc = GC.GetGCMemoryInfo();
        logger.LogDebug(
            "Search index memory {Moment} ({Answered} searches answered): GC heap {HeapMegabytes:0.0} MB after the last collection ({FragmentedMegabytes:0.0} MB of it free), {CommittedMegabytes:0.0} MB committed, {AllocatedMegabytes:0.0} MB in use now, {Mode} GC.",
            moment, Answered, gc.HeapSizeBytes / 1e6, gc.FragmentedBytes / 1e6, gc.TotalCommittedBytes / 1e6, GC.GetTotalMemory(false) / 1e6,
            System.Runtime.GCSettings.IsServerGC ? "server" : "workstation");
    }

    /// <summary>Stops answering from memory until a new build is in.</summary>
    private void Rebuild(string month, string reason)
    {
        logger.LogInformation("Rebuilding the search index: {Reason}.", reason);
        _lock.EnterWriteLock();
        try
        {
            _state = null;
        }
        finally
        {
            _lock.ExitWriteLock();
        }

        StartBuild(month);
    }

    private void StartBuild(string month)
    {
        lock (_buildLock)
        {
            if (_building.IsCompleted)
            {
                _building = Task.Run(() => BuildInBackgroundAsync(month));
            }
        }
    }

    private async Task BuildInBackgroundAsync(string month)
    {
        var stopping = lifetime.ApplicationStopping;
        try
        {
            var watch = Stopwatch.StartNew();
            var built = await ReadAndBuildAsync(month, stopping);
            _lock.EnterWriteLock();
            try
            {
                _state = built;
            }
            finally
            {
                _lock.ExitWriteLock();
            }

            logger.LogInformation(
                "Search index built at generation {Generation} for {Month}: {Internal} internal and {Public} public rows, {Lexemes} lexemes, about {Megabytes:0.0} MB, in {Milliseconds} ms.",
                built.Generation, month, built.Internal.LiveRows, built.Public.LiveRows, built.Internal.Lexemes + built.Public.Lexemes,
                (built.Internal.ApproximateBytes() + built.Public.ApproximateBytes()) / 1e6, watch.ElapsedMilliseconds);
            LogMemory("after the build");
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutting down: nothing to build for.
        }
        catch (Exception exception)
        {
            // Searches keep running the SQL; the next one tries again.
            logger.LogWarning(exception, "Building the search index failed; searches use SQL until a build succeeds.");
        }
    }

    /// <summary>
    /// A new index from all rows, each added as it is read (nothing holds the rows as read: at 100,000 profiles they were
    /// several times the index), with one string per distinct lexeme for both audiences.
    /// </summary>
    private async Task<State> ReadAndBuildAsync(string month, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NetworkDbContext>();
        var @internal = AudienceIndex.StartBuild();
        var @public = AudienceIndex.StartBuild();
        var generation = await SearchRowReader.ReadAllAsync(db, month, new LexemeStrings(),
            row => (row.Audience == SearchAudience.Internal ? @internal : @public).Add(row), cancellationToken);
        @internal.EndBuild();
        @public.EndBuild();
        return new State(generation, month, @internal, @public);
    }

    private sealed class State(long generation, string month, AudienceIndex @internal, AudienceIndex @public)
    {
        public long Generation { get; private set; } = generation;

        public string Month { get; } = month;

        public AudienceIndex Internal { get; } = @internal;

        public AudienceIndex Public { get; } = @public;

        public int LiveRows => Internal.LiveRows + Public.LiveRows;

        public int Gaps => Internal.Gaps + Public.Gaps;

        public AudienceIndex For(SearchAudience audience) => audience == SearchAudience.Internal ? Internal : Public;

        /// <summary>Replaces the changed profiles' rows with <paramref name="rows"/> (none: the profile left search).</summary>
        public void Apply(SearchChanges changes, IReadOnlyList<SearchRowData> rows)
        {
            foreach (var personId in changes.PersonIds!)
            {
                Internal.Remove(personId);
                Public.Remove(personId);
            }

            foreach (var row in rows)
            {
                For(row.Audience).Add(row);
            }

            Generation = Math.Max(Generation, changes.Generation);
        }
    }
}
