using Civic.Hosting.Storage;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;

namespace Civic.Hosting.Jobs;

/// <summary>Makes the Hangfire storage <see cref="JobsOptions.Store"/> names.</summary>
internal static class JobStorageFactory
{
    public static JobStorage Create(JobsOptions jobs, StorageOptions storage)
    {
        if (jobs.Store == JobStore.InMemory)
        {
            return new InMemoryStorage();
        }

        var options = new PostgreSqlStorageOptions
        {
            SchemaName = jobs.Schema,
            // The schema comes from the migrate step (HangfireSchemaInstaller), as every other
            // schema change does: a replica starts without DDL rights and never upgrades Hangfire's
            // tables under other replicas still running the previous release.
            PrepareSchemaIfNecessary = false,
            QueuePollInterval = jobs.PollingInterval,
            // LISTEN/NOTIFY: a job enqueued by one replica wakes the others' workers at once.
            EnableLongPolling = true,
            // A running job's claim is renewed while it runs, so a job longer than the invisibility
            // timeout is not fetched a second time by another replica.
            UseSlidingInvisibilityTimeout = true,
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(storage.ConnectionString, options), options);
    }
}
