using Civic.Hosting.Storage;
using Civic.Hosting.Storage.Migrations;
using Hangfire.PostgreSql;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Civic.Hosting.Jobs;

/// <summary>
/// Creates or upgrades Hangfire's tables in their own schema of the service's PostgreSQL database
/// when the PostgreSQL job store is configured; nothing otherwise (the in-memory store has no tables).
/// </summary>
/// <remarks>
/// Why the migrate step and not Hangfire's PrepareSchemaIfNecessary at start-up: Civic changes
/// schemas in one place, the migrate command that Kubernetes runs as a Job before a release's
/// replicas start (k8s/base), so replicas need no DDL rights and a release never alters tables
/// under replicas of the previous one. Why not a copied SQL migration: Hangfire.PostgreSql carries
/// its own numbered upgrade scripts and records the version in "&lt;schema&gt;.schema"; its installer
/// applies the missing ones, so a package upgrade brings its schema change without an edit here.
/// </remarks>
internal sealed class HangfireSchemaInstaller(IOptions<JobsOptions> jobs, IOptions<StorageOptions> storage) : ISchemaInstaller
{
    public string Name => $"Hangfire's schema \"{jobs.Value.Schema}\"";

    public async Task InstallAsync(CancellationToken cancellationToken)
    {
        if (jobs.Value.Store != JobStore.Postgres)
        {
            return;
        }

        // Its own connection: the installer's scripts set search_path for the session they run in.
        await using var connection = new NpgsqlConnection(storage.Value.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        PostgreSqlObjectsInstaller.Install(connection, jobs.Value.Schema);
    }
}
