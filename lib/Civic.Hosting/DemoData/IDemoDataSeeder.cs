namespace Civic.Hosting.DemoData;

/// <summary>
/// Adds a service's demo data (a few Danish departments, cases, resource persons) for the
/// one-machine default. Runs at start-up after migrations when "Civic:SeedDemoData" is true; must
/// be idempotent, because it runs on every start.
/// </summary>
public interface IDemoDataSeeder
{
    /// <summary>Adds whatever demo data is missing; leaves existing data alone.</summary>
    Task SeedAsync(CancellationToken cancellationToken);
}
