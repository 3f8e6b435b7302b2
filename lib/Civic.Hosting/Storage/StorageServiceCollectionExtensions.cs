using Civic.Hosting.Storage.Migrations;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace Civic.Hosting.Storage;

/// <summary>Registers a service's database: provider selection, schema migrations and DbContexts.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="StorageOptions"/> (validated at start-up), the connection factory and the
    /// schema migrator for the service named <paramref name="serviceName"/>.
    /// </summary>
    public static IServiceCollection AddCivicStorage(this IServiceCollection services, string serviceName)
    {
        services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.SectionName)
            .Configure<IConfiguration>((options, configuration) =>
                options.ConnectionString = WithPoolLimit(options, configuration.GetConnectionString(serviceName)
                    ?? (options.Provider == StorageProvider.Sqlite ? StorageOptions.DefaultSqliteConnectionString(serviceName) : string.Empty)))
            .Validate(options => options.Provider != StorageProvider.Postgres || !string.IsNullOrWhiteSpace(options.ConnectionString),
                $"Storage:Provider is Postgres but ConnectionStrings:{serviceName} is not set. Set it, e.g. \"Host=127.0.0.1;Username=civic;Password=…;Database=civic_{serviceName}\".")
            .Validate(options => options.MaxPoolSize > 0, "Storage:MaxPoolSize must be at least 1.")
            .Validate(options => IsWellFormed(options),
                $"ConnectionStrings:{serviceName} is not a valid connection string for the configured Storage:Provider.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<StorageConnectionFactory>();
        services.TryAddSingleton<SchemaMigrator>();
        services.TryAddSingleton(sp => new MigrationCatalog(sp.GetServices<MigrationSource>()));
        return services;
    }

    /// <summary>
    /// Adds the service's own schema migrations: embedded SQL resources under
    /// <paramref name="resourceFolder"/> in <paramref name="assembly"/> (see <see cref="MigrationSource"/>).
    /// </summary>
    public static IServiceCollection AddCivicMigrations(this IServiceCollection services, string module, System.Reflection.Assembly assembly, string resourceFolder = "Migrations")
    {
        services.AddSingleton(new MigrationSource(module, assembly, resourceFolder));
        return services;
    }

    /// <summary>Adds a DbContext on the service's database, with the configured provider.</summary>
    public static IServiceCollection AddCivicDbContext<TContext>(this IServiceCollection services)
        where TContext : DbContext =>
        services.AddDbContext<TContext>((sp, options) => sp.GetRequiredService<StorageConnectionFactory>().Configure(options));

    /// <summary>
    /// The PostgreSQL connection string with <see cref="StorageOptions.MaxPoolSize"/> as its pool limit when it
    /// names none; anything else (SQLite, a malformed string left for validation to report) unchanged.
    /// </summary>
    internal static string WithPoolLimit(StorageOptions options, string connectionString)
    {
        if (options.Provider != StorageProvider.Postgres || string.IsNullOrWhiteSpace(connectionString))
        {
            return connectionString;
        }

        try
        {
            var named = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
            if (named.Keys.Cast<string>().Any(IsPoolLimitKey) || options.MaxPoolSize <= 0)
            {
                return connectionString;
            }

            return new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = options.MaxPoolSize }.ConnectionString;
        }
        catch (ArgumentException)
        {
            return connectionString;
        }
    }

    private static bool IsPoolLimitKey(string key) =>
        key.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant() is "MAXIMUMPOOLSIZE" or "MAXPOOLSIZE";

    private static bool IsWellFormed(StorageOptions options)
    {
        try
        {
            _ = options.Provider == StorageProvider.Postgres
                ? new NpgsqlConnectionStringBuilder(options.ConnectionString).Host
                : new SqliteConnectionStringBuilder(options.ConnectionString).DataSource;
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
