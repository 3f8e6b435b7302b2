using Civic.Network.ResourcePersons;
using Civic.Network.Search;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Civic.Services.FunctionalTests.Network;

/// <summary>The cache of first search pages on its own: bounded in entries and time, and keyed by the search generation.</summary>
public sealed class SearchResultCacheTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Store_MoreThanTheLimit_KeepsTheLimitDroppingTheLeastRecentlyUsed()
    {
        var cache = Cache(entries: 3);
        var pages = Enumerable.Range(0, 5).Select(Page).ToList();
        cache.Store("a", 1, pages[0]);
        cache.Store("b", 1, pages[1]);
        cache.Store("c", 1, pages[2]);
        Assert.Same(pages[0], cache.Find("a", 1));

        cache.Store("d", 1, pages[3]);
        cache.Store("e", 1, pages[4]);
        for (var i = 0; i < 1_000; i++)
        {
            cache.Store($"query {i}", 1, pages[0]);
        }

        Assert.Equal(3, cache.Count);
        Assert.Null(cache.Find("b", 1));
        Assert.Same(pages[0], cache.Find("query 999", 1));
    }

    [Fact]
    public void Store_LeastRecentlyUsed_IsTheOneNotReadSince()
    {
        var cache = Cache(entries: 2);
        cache.Store("a", 1, Page(0));
        cache.Store("b", 1, Page(1));
        Assert.NotNull(cache.Find("a", 1));

        cache.Store("c", 1, Page(2));

        Assert.NotNull(cache.Find("a", 1));
        Assert.Null(cache.Find("b", 1));
    }

    [Fact]
    public void Find_AnotherGeneration_NothingAndTheEntryIsGone()
    {
        var cache = Cache(entries: 10);
        cache.Store("a", 7, Page(0));

        Assert.Null(cache.Find("a", 8));
        Assert.Equal(0, cache.Count);
        Assert.Null(cache.Find("a", 7));
    }

    [Fact]
    public void Store_OlderGenerationAfterNewer_KeepsTheNewer()
    {
        var cache = Cache(entries: 10);
        var newer = Page(1);
        cache.Store("a", 8, newer);

        cache.Store("a", 7, Page(0));

        Assert.Same(newer, cache.Find("a", 8));
    }

    [Fact]
    public void Find_AfterTheLifetime_Nothing()
    {
        var cache = Cache(entries: 10, lifetime: TimeSpan.FromSeconds(30));
        cache.Store("a", 1, Page(0));
        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.NotNull(cache.Find("a", 1));

        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Null(cache.Find("a", 1));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void Store_NoEntriesAllowed_KeepsNothing()
    {
        var cache = Cache(entries: 0);

        cache.Store("a", 1, Page(0));

        Assert.False(cache.IsEnabled);
        Assert.Equal(0, cache.Count);
        Assert.Null(cache.Find("a", 1));
    }

    private SearchResultCache Cache(int entries, TimeSpan? lifetime = null) =>
        new(Options.Create(new SearchCacheOptions { Entries = entries, Lifetime = lifetime ?? TimeSpan.FromMinutes(1) }), _time);

    private static SearchResult Page(int total) => new([], total, string.Empty, []);
}
