using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Civic.Hosting.Storage;

/// <summary>
/// Opens connections to the service's database and points EF Core at it, for the configured
/// provider. For a SQLite file it creates the file's folder first.
/// </summary>
public sealed class StorageConnectionFactory(IOptions<StorageOptions> options)
{
    /// <summary>Connections the probe pool may hold: the gateway's probes and Kubernetes' may overlap.</summary>
    internal const int ProbePoolSize = 2;

    private readonly StorageOptions _options = options.Value;

    private readonly Lazy<string> _probeConnectionString = new(() => ProbeConnectionString(options.Value.ConnectionString));

    /// <summary>The configured provider.</summary>
    public StorageProvider Provider => _options.Provider;

    /// <summary>A new, closed connection.</summary>
    public DbConnection CreateConnection()
    {
        if (_options.Provider == StorageProvider.Postgres)
        {
            return new NpgsqlConnection(_options.ConnectionString);
        }

        EnsureSqliteFolder(_options.ConnectionString);
        return new SqliteConnection(_options.ConnectionString);
    }

    /// <summary>
    /// A new, closed connection for readiness probes, from a small pool of its own (PostgreSQL): when a burst
    /// has every connection of the service's pool busy, the probe still gets one. Otherwise the probe waits
    /// for the busy pool, times out, and the gateway takes a working replica out of rotation.
    /// </summary>
    public DbConnection CreateProbeConnection()
    {
        if (_options.Provider != StorageProvider.Postgres)
        {
            return CreateConnection();
        }

        return new NpgsqlConnection(_probeConnectionString.Value);
    }

    private static string ProbeConnectionString(string connectionString)
    {
        var probe = new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = ProbePoolSize };
        probe.ApplicationName = string.IsNullOrEmpty(probe.ApplicationName) ? "readiness probe" : $"{probe.ApplicationName} (readiness probe)";
        return probe.ConnectionString;
    }

    /// <summary>
    /// Configures a DbContext for the provider. Tables and columns are named in snake_case by convention
    /// (EFCore.NamingConventions), as the hand-written SQL migrations name them.
    /// </summary>
    public void Configure(DbContextOptionsBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (_options.Provider == StorageProvider.Postgres)
        {
            builder.UseNpgsql(_options.ConnectionString);
        }
        else
        {
            EnsureSqliteFolder(_options.ConnectionString);
            builder.UseSqlite(_options.ConnectionString);
        }

        builder.UseSnakeCaseNamingConvention();
    }

    internal static void EnsureSqliteFolder(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode == SqliteOpenMode.Memory || string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:")
        {
            return;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }
}
