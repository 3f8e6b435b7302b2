using Hangfire.Common;

namespace Civic.Hosting.Jobs;

/// <summary>One recurring job as its feature declared it: registered with Hangfire at start-up.</summary>
/// <param name="Id">The job's stable id, "&lt;service&gt;:&lt;what-it-does&gt;", e.g. "hotline:materialise-sessions".</param>
/// <param name="Cron">When it runs, as a cron expression in the <see cref="JobsOptions.TimeZone"/> (e.g. <c>Hangfire.Cron.Daily(2)</c>).</param>
/// <param name="JobType">The <see cref="IRecurringJob"/> that runs.</param>
public sealed record RecurringJobDeclaration(string Id, string Cron, Type JobType)
{
    /// <summary>What Hangfire stores and calls: the job type's RunAsync, with the run's cancellation token.</summary>
    internal Job ToHangfireJob() =>
        new(JobType, typeof(IRecurringJob).GetMethod(nameof(IRecurringJob.RunAsync))!, CancellationToken.None);
}
