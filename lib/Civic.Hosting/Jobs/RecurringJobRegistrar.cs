using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Civic.Hosting.Jobs;

/// <summary>
/// At start-up, makes Hangfire's recurring jobs what the code declares (<see cref="RecurringJobDeclaration"/>):
/// adds or updates every declared job and removes the ones no longer declared, which would otherwise
/// keep firing and fail on a job class that is gone. Every replica does this on start; it is idempotent.
/// </summary>
internal sealed partial class RecurringJobRegistrar(
    IEnumerable<RecurringJobDeclaration> declarations,
    IRecurringJobManager manager,
    JobStorage storage,
    IOptions<JobsOptions> options,
    ILogger<RecurringJobRegistrar> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var declared = declarations.ToList();
        var duplicate = declared.GroupBy(d => d.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException(
                $"The recurring job id '{duplicate.Key}' is declared more than once ({string.Join(", ", duplicate.Select(d => d.JobType.Name))}); give every job its own id.");
        }

        var recurring = new RecurringJobOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone) };
        foreach (var job in declared)
        {
            manager.AddOrUpdate(job.Id, job.ToHangfireJob(), job.Cron, recurring);
            Log.Registered(logger, job.Id, job.Cron, job.JobType.Name);
        }

        using var connection = storage.GetConnection();
        foreach (var stored in connection.GetRecurringJobs())
        {
            if (!declared.Exists(d => string.Equals(d.Id, stored.Id, StringComparison.Ordinal)))
            {
                manager.RemoveIfExists(stored.Id);
                Log.Removed(logger, stored.Id);
            }
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Recurring job {JobId} runs {JobType} on \"{Cron}\"")]
        public static partial void Registered(ILogger logger, string jobId, string cron, string jobType);

        [LoggerMessage(2, LogLevel.Information, "Removed recurring job {JobId}: no feature declares it any more")]
        public static partial void Removed(ILogger logger, string jobId);
    }
}
