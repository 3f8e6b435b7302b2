namespace Civic.Hosting;

/// <summary>General service settings, bound from the "Civic" section.</summary>
public sealed class CivicServiceOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Civic";

    /// <summary>
    /// Seed demo data at start-up. Defaults to true in the Development environment (the one-machine
    /// default) and false elsewhere, Production included.
    /// </summary>
    public bool SeedDemoData { get; set; }
}
