namespace Civic.Hosting.Jobs;

/// <summary>
/// A job that runs on a schedule, declared by the feature that owns it with
/// <see cref="RecurringJobServiceCollectionExtensions.AddRecurringJob{TJob}"/>. It is created in a
/// DI scope of its own for every run, taking what it needs by constructor.
/// </summary>
/// <remarks>
/// Hangfire retries a run that throws, and a run can be cut short by shutdown or a lost replica and
/// run again, so a job must be idempotent: running it twice for the same occurrence changes nothing
/// the first run did not (e.g. "materialise sessions up to 3 months ahead", not "add a month").
/// </remarks>
public interface IRecurringJob
{
    /// <summary>Does one run; <paramref name="cancellationToken"/> fires when the service shuts down.</summary>
    Task RunAsync(CancellationToken cancellationToken);
}
