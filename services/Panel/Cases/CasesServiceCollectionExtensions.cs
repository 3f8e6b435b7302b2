using Civic.Hosting.DemoData;

namespace Civic.Panel.Cases;

public static class CasesServiceCollectionExtensions
{
    /// <summary>Adds the case registry and its demo data.</summary>
    public static IServiceCollection AddCases(this IServiceCollection services) =>
        services
            .AddScoped<CaseRegistry>()
            .AddScoped<IDemoDataSeeder, DemoCases>();
}
