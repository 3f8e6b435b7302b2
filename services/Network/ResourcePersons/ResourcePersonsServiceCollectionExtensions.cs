using Civic.Hosting.DemoData;

namespace Civic.Network.ResourcePersons;

public static class ResourcePersonsServiceCollectionExtensions
{
    /// <summary>Adds the resource person directory and its demo data.</summary>
    public static IServiceCollection AddResourcePersons(this IServiceCollection services) =>
        services
            .AddScoped<ResourcePersonDirectory>()
            .AddScoped<IDemoDataSeeder, DemoResourcePersons>();
}
