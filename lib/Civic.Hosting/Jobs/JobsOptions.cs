namespace Civic.Hosting.Jobs;

/// <summary>Where Quartz keeps jobs and triggers.</summary>
public enum JobStore
{
    /// <summary>In memory: one machine, one scheduler.</summary>
    InMemory,

    /// <summary>Clustered ADO.NET store in the service's PostgreSQL database: each trigger fires once across replicas.</summary>
    Postgres,
}

/// <summary>Job scheduling settings, bound from the "Jobs" section.</summary>
public sealed class JobsOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Jobs";

    /// <summary>The job store; in memory unless "Jobs:Store" says Postgres.</summary>
    public JobStore Store { get; set; } = JobStore.InMemory;
}
