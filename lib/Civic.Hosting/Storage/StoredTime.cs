namespace Civic.Hosting.Storage;

/// <summary>Instants at the precision every storage provider keeps.</summary>
public static class StoredTime
{
    /// <summary>
    /// Now, truncated to whole milliseconds (SQLite keeps Unix milliseconds, PostgreSQL microseconds),
    /// so that what a create call returns equals what a later read returns.
    /// </summary>
    public static DateTimeOffset GetStoredUtcNow(this TimeProvider timeProvider)
    {
        var now = timeProvider.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
    }
}
