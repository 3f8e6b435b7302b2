using Civic.Hosting.Storage;
using Civic.Hosting.Storage.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace Civic.Hosting.Jobs;

/// <summary>Registers the Quartz scheduler every service runs its jobs on.</summary>
public static class JobsHostApplicationBuilderExtensions
{
    /// <summary>
    /// Adds a Quartz scheduler named after the service: in-memory by default, or clustered on the
    /// service's PostgreSQL database when "Jobs:Store" is Postgres (its tables come from the Quartz
    /// migration, so they exist before the scheduler starts). Shutdown waits for running jobs.
    /// </summary>
    public static IHostApplicationBuilder AddCivicJobs(this IHostApplicationBuilder builder, string serviceName)
    {
        // Quartz is configured while services are registered, so the store is chosen from
        // configuration now rather than through IOptions later.
        var jobs = builder.Configuration.GetSection(JobsOptions.SectionName).Get<JobsOptions>() ?? new JobsOptions();
        var storage = builder.Configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        builder.Services.AddSingleton(new MigrationSource("quartz", typeof(JobsHostApplicationBuilderExtensions).Assembly, "Civic.Hosting/Jobs/Migrations"));

        builder.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler => scheduler.InstanceName = $"civic-{serviceName}");
            if (jobs.Store == JobStore.Postgres)
            {
                if (storage.Provider != StorageProvider.Postgres)
                {
                    throw new InvalidOperationException(
                        "Jobs:Store is Postgres but Storage:Provider is not: the clustered job store lives in the service's PostgreSQL database. Set Storage:Provider=Postgres, or Jobs:Store=InMemory.");
                }

                var connectionString = builder.Configuration.GetConnectionString(serviceName)
                    ?? throw new InvalidOperationException($"Jobs:Store is Postgres but ConnectionStrings:{serviceName} is not set.");
                quartz.UsePersistentStore(store =>
                {
                    store.UsePostgres(connectionString);
                    store.UseClustering();
                });
            }
            else
            {
                quartz.UseInMemoryStore();
            }
        });
        builder.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return builder;
    }
}
