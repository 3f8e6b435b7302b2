namespace Civic.Hosting.Storage;

/// <summary>Which database a service keeps its data in.</summary>
public enum StorageProvider
{
    /// <summary>A SQLite file: the one-machine default.</summary>
    Sqlite,

    /// <summary>PostgreSQL: production.</summary>
    Postgres,
}

/// <summary>
/// Storage settings, bound from the "Storage" section. The connection string comes from
/// "ConnectionStrings:&lt;service&gt;"; with SQLite it defaults to a file under data/.
/// </summary>
public sealed class StorageOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Storage";

    /// <summary>The database provider; SQLite unless "Storage:Provider" says Postgres.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>
    /// Apply pending schema migrations when the service starts. On by default (one machine); off in
    /// Kubernetes, where a Job runs the service with the <c>migrate</c> argument instead.
    /// </summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>
    /// The most PostgreSQL connections one replica opens (EF Core and Hangfire share the pool), unless the
    /// connection string names "Maximum Pool Size" itself. Npgsql's own default (100) equals the server's
    /// default max_connections, so a burst on one replica took every slot and bookings failed; with a smaller
    /// pool callers wait for a connection instead. Keep replicas × this below the server's max_connections.
    /// </summary>
    public int MaxPoolSize { get; set; } = 30;

    /// <summary>The connection string, filled from "ConnectionStrings:&lt;service&gt;" (not bound from this section).</summary>
    public string ConnectionString { get; internal set; } = string.Empty;

    /// <summary>The default SQLite connection string for a service: a file under data/ in the working directory.</summary>
    public static string DefaultSqliteConnectionString(string serviceName) => $"Data Source=data/{serviceName}.db";
}
