namespace Civic.Network.Search;

/// <summary>"Network:Search:Index": whether the PostgreSQL service searches its in-memory index (<see cref="InMemory.ProfileSearchIndex"/>).</summary>
public sealed class SearchIndexOptions
{
    public const string SectionName = "Network:Search:Index";

    /// <summary>False: every search runs PostgresSearchIndex's SQL. (SQLite always does its own.)</summary>
    public bool Enabled { get; set; } = true;
}
