using Civic.Defaults.Services;
using Civic.Hosting.Storage;

namespace Civic.Hotline;

/// <summary>The Hotline service's own database and its schema migrations.</summary>
public static class HotlineStorage
{
    public static IServiceCollection AddHotlineStorage(this IServiceCollection services) =>
        services
            .AddCivicMigrations(CivicServices.Hotline.Name, typeof(HotlineStorage).Assembly)
            .AddCivicDbContext<HotlineDbContext>();
}
