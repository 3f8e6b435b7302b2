using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace Civic.Network.Search.InMemory;

/// <summary>
/// The PostgreSQL service's search index in memory, one per replica (issue 10: a search that never ran before must cost
/// about as much as reading one profile, and PostgreSQL's cost grows with the thousands of matches). It holds the
/// search rows of both audiences (<see cref="AudienceIndex"/>) as of one search generation (Migrations/0012) and answers
/// exactly as PostgresSearchIndex's SQL would; PostgreSQL still defines matching, as each search takes its query's
/// lexemes from to_tsquery('danish', …) in the same round trip as the generation.
/// <para>Current: when a search reads a newer generation, it first re-reads the profiles search_changes
/// (Migrations/0013) lists as changed since the index's (one search at a time does; the others wait for it), so a
/// change is seen by the very next search. Until the index is built (in the background, started by the first search),
/// after a TRUNCATE, too many changes, or a new ledger month, searches get null and run the SQL instead.</para>
/// </summary>
public sealed class ProfileSearchIndex(IServiceScopeFactory scopes, IOptions<SearchIndexOptions> options, IHostApplicationLifetime lifetime, ILogger<ProfileSearchIndex> logger) : IDisposable
{
    private readonly ReaderWriterLockSlim _lock = new();
    private readonly SemaphoreSlim _catchUp = new(1, 1);
    private readonly Lock _buildLock = new();
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

    /// <summary>The page from memory, or null when the index cannot answer now (the caller runs the SQL).</summary>
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

        var (generation, queryText) = await SearchRowReader.GenerationAndQueryAsync(db, query.Words.Count == 0 ? null : query.PrefixTsQuery, cancellationToken);
        var lexemes = query.Words.Count == 0 ? null : TsQueryLexemes.Parse(queryText);
        if ((query.Words.Count > 0 && lexemes is null) || !await CatchUpAsync(db, generation, query.Month, cancellationToken))
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

            var page = state.For(query.Audience).Search(lexemes, query);
            if (Interlocked.Increment(ref _answered) % 100 == 0)
            {
                LogMemory("after searches");
            }

            return page;
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    public void Dispose()
    {
        _lock.Dispose();
        _catchUp.Dispose();
    }

    /// <summary>Brings the index to <paramref name="generation"/> or later; false when it cannot (a rebuild is under way).</summary>
    private async Task<bool> CatchUpAsync(NetworkDbContext db, long generation, string month, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _state) is { } current && current.Generation >= generation && current.Month == month)
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

            if (state.Generation >= generation && state.Month == month)
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
