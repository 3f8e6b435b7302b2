namespace Civic.Network.Search;

/// <summary>"Network:Search:Cache": how many first pages of results the service keeps, and for how long.</summary>
public sealed class SearchCacheOptions
{
    public const string SectionName = "Network:Search:Cache";

    /// <summary>At most this many first pages (each a page of whole profiles and its facets) are kept, the least recently used going first; 0 turns the cache off.</summary>
    public int Entries { get; set; } = 500;

    /// <summary>
    /// A kept page is dropped this long after it was computed, whether or not anything changed: freshness comes from
    /// the search generation, this only bounds how long a page nobody asks for again holds memory.
    /// </summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(5);
}
