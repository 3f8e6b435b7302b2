using System.Data.Common;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Civic.Hosting.Storage.Migrations;

/// <summary>What a database holds of the service's schema history.</summary>
/// <param name="Applied">Ids of the known migrations that have been applied.</param>
/// <param name="Pending">Ids of the known migrations not applied yet, in order.</param>
public sealed record MigrationStatus(IReadOnlyList<string> Applied, IReadOnlyList<string> Pending)
{
    /// <summary>True when every known migration has been applied.</summary>
    public bool IsUpToDate => Pending.Count == 0;
}

/// <summary>
/// Applies the service's ordered SQL migrations (see <see cref="MigrationCatalog"/>) that the
/// database has not seen, each in its own transaction, and records them with a checksum in the
/// <c>schema_migrations</c> table, then runs the <see cref="ISchemaInstaller"/>s. Applying twice is a
/// no-op. On PostgreSQL an advisory lock keeps two migrators (e.g. two replicas started at once) from racing.
/// </summary>
public sealed partial class SchemaMigrator(
    StorageConnectionFactory connections,
    MigrationCatalog catalog,
    TimeProvider timeProvider,
    ILogger<SchemaMigrator> logger,
    IEnumerable<ISchemaInstaller>? installers = null)
{
    private readonly ISchemaInstaller[] _installers = installers?.ToArray() ?? [];

    /// <summary>The table that records applied migrations.</summary>
    public const string HistoryTable = "schema_migrations";

    // Any fixed number; it only has to be the same for every migrator of one database.
    private const long PostgresLockKey = 0x63697669_63000001;
    private const int CommandTimeoutSeconds = 600;

    /// <summary>Applies every pending migration; returns the ids applied now.</summary>
    public Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken = default) =>
        MigrateAsync(target: null, cancellationToken);

    /// <summary>
    /// Applies pending migrations in order up to and including <paramref name="target"/> (all when
    /// null, and then the installers too); returns the ids applied now.
    /// </summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(string? target, CancellationToken cancellationToken)
    {
        var migrations = catalog.For(connections.Provider);
        if (target is not null && migrations.All(m => m.Id != target))
        {
            throw new ArgumentException($"No migration '{target}' is known; known are: {string.Join(", ", migrations.Select(m => m.Id))}.", nameof(target));
        }

        await using var connection = connections.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await LockAsync(connection, cancellationToken);
        try
        {
            await ExecuteAsync(connection, null, $"""
                CREATE TABLE IF NOT EXISTS {HistoryTable} (
                  id VARCHAR(200) NOT NULL PRIMARY KEY,
                  checksum VARCHAR(64) NOT NULL,
                  applied_at VARCHAR(40) NOT NULL
                )
                """, cancellationToken);
            var history = await ReadHistoryAsync(connection, cancellationToken);
            VerifyChecksums(migrations, history);

            var applied = new List<string>();
            foreach (var migration in migrations)
            {
                if (!history.ContainsKey(migration.Id) && await ApplyAsync(connection, migration, cancellationToken))
                {
                    applied.Add(migration.Id);
                    Log.Applied(logger, migration.Id);
                }

                if (migration.Id == target)
                {
                    break;
                }
            }

            Log.Finished(logger, applied.Count, migrations.Count);
            if (target is null)
            {
                foreach (var installer in _installers)
                {
                    await installer.InstallAsync(cancellationToken);
                    Log.Installed(logger, installer.Name);
                }
            }

            return applied;
        }
        finally
        {
            await UnlockAsync(connection);
        }
    }

    /// <summary>Reads which migrations the database has applied and which are pending; changes nothing.</summary>
    public async Task<MigrationStatus> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        var migrations = catalog.For(connections.Provider);
        // Readiness asks this: its own pool, so a busy service still reports ready.
        await using var connection = connections.CreateProbeConnection();
        await connection.OpenAsync(cancellationToken);
        var history = await HistoryTableExistsAsync(connection, cancellationToken)
            ? await ReadHistoryAsync(connection, cancellationToken)
            : [];
        return new MigrationStatus(
            migrations.Where(m => history.ContainsKey(m.Id)).Select(m => m.Id).ToList(),
            migrations.Where(m => !history.ContainsKey(m.Id)).Select(m => m.Id).ToList());
    }

    private async Task<bool> ApplyAsync(DbConnection connection, Migration migration, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // Checked again inside the transaction: another migrator may have applied it meanwhile.
        await using (var check = Command(connection, transaction, $"SELECT COUNT(*) FROM {HistoryTable} WHERE id = @id"))
        {
            AddParameter(check, "@id", migration.Id);
            if (Convert.ToInt64(await check.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) > 0)
            {
                return false;
            }
        }

        await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken);
        await using (var record = Command(connection, transaction,
            $"INSERT INTO {HistoryTable} (id, checksum, applied_at) VALUES (@id, @checksum, @applied_at)"))
        {
            AddParameter(record, "@id", migration.Id);
            AddParameter(record, "@checksum", migration.Checksum);
            AddParameter(record, "@applied_at", timeProvider.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static void VerifyChecksums(IReadOnlyList<Migration> migrations, Dictionary<string, string> history)
    {
        var changed = migrations
            .Where(m => history.TryGetValue(m.Id, out var checksum) && !string.Equals(checksum, m.Checksum, StringComparison.OrdinalIgnoreCase))
            .Select(m => m.Id)
            .ToList();
        if (changed.Count > 0)
        {
            throw new InvalidOperationException(
                $"Migration(s) {string.Join(", ", changed)} changed after they were applied to this database. " +
                "Applied migrations must not be edited: restore the original SQL and add a new migration for the change.");
        }
    }

    private static async Task<Dictionary<string, string>> ReadHistoryAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var history = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var command = Command(connection, null, $"SELECT id, checksum FROM {HistoryTable}");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            history[reader.GetString(0)] = reader.GetString(1);
        }

        return history;
    }

    private async Task<bool> HistoryTableExistsAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var sql = connections.Provider == StorageProvider.Postgres
            ? $"SELECT COUNT(*) FROM pg_catalog.pg_tables WHERE tablename = '{HistoryTable}' AND schemaname = ANY (current_schemas(false))"
            : $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '{HistoryTable}'";
        await using var command = Command(connection, null, sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) > 0;
    }

    private async Task LockAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (connections.Provider == StorageProvider.Postgres)
        {
            await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({PostgresLockKey})", cancellationToken);
        }
    }

    private async Task UnlockAsync(DbConnection connection)
    {
        if (connections.Provider == StorageProvider.Postgres && connection.State == System.Data.ConnectionState.Open)
        {
            await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({PostgresLockKey})", CancellationToken.None);
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // The SQL is the service's own migration text or fixed statements above, never user input.
#pragma warning disable CA2100
    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        command.CommandTimeout = CommandTimeoutSeconds;
        return command;
    }
#pragma warning restore CA2100

    private static void AddParameter(DbCommand command, string name, string value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Applied schema migration {MigrationId}")]
        public static partial void Applied(ILogger logger, string migrationId);

        [LoggerMessage(2, LogLevel.Information, "Schema is up to date: applied {AppliedCount} migration(s) now, {KnownCount} known")]
        public static partial void Finished(ILogger logger, int appliedCount, int knownCount);

        [LoggerMessage(3, LogLevel.Information, "Checked {Installer}: installed or already up to date")]
        public static partial void Installed(ILogger logger, string installer);
    }
}
