using Civic.Hosting.Storage;
using Civic.Hosting.Storage.Migrations;
using Hangfire;
using Hangfire.Common;
using Hangfire.AspNetCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Civic.Hosting.Jobs;

/// <summary>Registers the Hangfire server every service runs its background jobs on.</summary>
public static class JobsHostApplicationBuilderExtensions
{
    /// <summary>
    /// Adds <see cref="JobsOptions"/> (validated at start-up) and one Hangfire server named after the
    /// service: in memory by default, or on the service's PostgreSQL database, in its own schema, when
    /// "Jobs:Store" is Postgres (the schema comes from the migrate step, see <see cref="ISchemaInstaller"/>).
    /// Recurring jobs come from the features' <see cref="RecurringJobServiceCollectionExtensions.AddRecurringJob{TJob}"/>.
    /// Shutdown lets running jobs finish within <see cref="JobsOptions.ShutdownTimeout"/>.
    /// </summary>
    public static IHostApplicationBuilder AddCivicJobs(this IHostApplicationBuilder builder, string serviceName)
    {
        var services = builder.Services;
        services.AddOptions<JobsOptions>()
            .Configure(options => options.ServiceName = serviceName)
            .BindConfiguration(JobsOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate<IOptions<StorageOptions>>((jobs, storage) => jobs.Store != JobStore.Postgres || storage.Value.Provider == StorageProvider.Postgres,
                "Jobs:Store is Postgres but Storage:Provider is not: the job store lives in the service's PostgreSQL database. Set Storage:Provider=Postgres, or Jobs:Store=InMemory.")
            .ValidateOnStart();

        HangfireProcessSettings.Apply();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => JobStorageFactory.Create(
            sp.GetRequiredService<IOptions<JobsOptions>>().Value, sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddSingleton<IRecurringJobManager>(sp =>
        {
            var time = sp.GetRequiredService<TimeProvider>();
            return new RecurringJobManager(
                sp.GetRequiredService<JobStorage>(), JobFilterProviders.Providers, new DefaultTimeZoneResolver(), () => time.GetUtcNow().UtcDateTime);
        });
        services.AddSingleton<ISchemaInstaller, HangfireSchemaInstaller>();

        // Hosted services stop in reverse order: the server stops first, the log bridge last.
        services.AddHostedService<HangfireLogAttachment>();
        services.AddHostedService<RecurringJobRegistrar>();
        services.AddSingleton<IHostedService>(JobServer.Create);
        // The host must wait at least as long as the server waits for its jobs. Read here rather than
        // through IOptions: HostOptions are read while the host is built, before options are validated.
        var jobsShutdown = builder.Configuration.GetValue($"{JobsOptions.SectionName}:{nameof(JobsOptions.ShutdownTimeout)}", new JobsOptions().ShutdownTimeout);
        var hostShutdown = jobsShutdown + JobServer.CancellationGrace + TimeSpan.FromSeconds(5);
        services.Configure<HostOptions>(host => host.ShutdownTimeout = host.ShutdownTimeout < hostShutdown ? hostShutdown : host.ShutdownTimeout);
        return builder;
    }
}
