using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Civic.Hosting.Jobs;

/// <summary>The one Hangfire server of a service process, named after the service and the machine (the pod).</summary>
internal static class JobServer
{
    /// <summary>
    /// After shutdown begins, running jobs get <see cref="JobsOptions.ShutdownTimeout"/> to finish;
    /// then their cancellation token fires and they get this long to stop before Hangfire leaves
    /// them (the job is fetched again later, which is why jobs are idempotent).
    /// </summary>
    public static readonly TimeSpan CancellationGrace = TimeSpan.FromSeconds(5);

    public static BackgroundJobServerHostedService Create(IServiceProvider services)
    {
        var jobs = services.GetRequiredService<IOptions<JobsOptions>>().Value;
        var options = new BackgroundJobServerOptions
        {
            ServerName = $"{jobs.ServiceName}@{Environment.MachineName}",
            WorkerCount = jobs.WorkerCount,
            SchedulePollingInterval = jobs.PollingInterval,
            StopTimeout = jobs.ShutdownTimeout,
            ShutdownTimeout = jobs.ShutdownTimeout + CancellationGrace,
            Activator = services.GetRequiredService<JobActivator>(),
        };
        return new BackgroundJobServerHostedService(
            services.GetRequiredService<JobStorage>(), options, [], services.GetRequiredService<IHostApplicationLifetime>());
    }
}
