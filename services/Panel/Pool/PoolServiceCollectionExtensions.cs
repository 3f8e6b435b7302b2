using Civic.Hosting.DemoData;

namespace Civic.Panel.Pool;

public static class PoolServiceCollectionExtensions
{
    /// <summary>Adds the demo feature schema and pool.</summary>
    public static IServiceCollection AddPool(this IServiceCollection services) =>
        services.AddScoped<IDemoDataSeeder, DemoPool>();
}
