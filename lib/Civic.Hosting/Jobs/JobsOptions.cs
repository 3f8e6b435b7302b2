using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace Civic.Hosting.Jobs;

/// <summary>Where Hangfire keeps jobs, their state and the recurring schedules.</summary>
public enum JobStore
{
    /// <summary>In the process's memory: one machine, one server; nothing survives a restart.</summary>
    InMemory,

    /// <summary>
    /// In the service's own PostgreSQL database, in its own schema (<see cref="JobsOptions.Schema"/>):
    /// every replica's server shares it, so each occurrence of a recurring job runs once.
    /// </summary>
    Postgres,
}

/// <summary>Background job settings, bound from the "Jobs" section.</summary>
public sealed partial class JobsOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Jobs";

    /// <summary>The job store; in memory unless "Jobs:Store" says Postgres.</summary>
    public JobStore Store { get; set; } = JobStore.InMemory;

    /// <summary>The PostgreSQL schema that holds Hangfire's tables (Postgres store only).</summary>
    [Required]
    public string Schema { get; set; } = "hangfire";

    /// <summary>
    /// How often the server looks for recurring and scheduled jobs that are due and, on PostgreSQL,
    /// for queued jobs another replica enqueued. Short only in tests: every look is a query.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "00:10:00")]
    public TimeSpan PollingInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How long shutdown lets running jobs finish before their cancellation token fires; they then
    /// get a few more seconds to stop. Keep it below Kubernetes' termination grace period (30 s).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Jobs run at once per process. Civic's jobs are short housekeeping; every worker holds a connection while it waits.</summary>
    [Range(1, 64)]
    public int WorkerCount { get; set; } = 4;

    /// <summary>The IANA time zone cron expressions are read in: the municipality's, so "daily at 02:00" means Danish time.</summary>
    [Required]
    public string TimeZone { get; set; } = "Europe/Copenhagen";

    /// <summary>Set at binding from the service's name: names the server and the dashboard's path.</summary>
    public string ServiceName { get; internal set; } = string.Empty;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // The schema name is put into Hangfire's install scripts and queries as it is.
        if (!SchemaName().IsMatch(Schema))
        {
            yield return new ValidationResult(
                $"Jobs:Schema '{Schema}' must be a plain lower-case PostgreSQL identifier, e.g. \"hangfire\".", [nameof(Schema)]);
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            yield return new ValidationResult(
                $"Jobs:TimeZone '{TimeZone}' is not a time zone this machine knows; use an IANA id such as \"Europe/Copenhagen\".", [nameof(TimeZone)]);
        }
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex SchemaName();
}
