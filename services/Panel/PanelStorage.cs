using Civic.Defaults.Services;
using Civic.Hosting.Storage;

namespace Civic.Panel;

/// <summary>The Panel service's own database and its schema migrations.</summary>
public static class PanelStorage
{
    public static IServiceCollection AddPanelStorage(this IServiceCollection services) =>
        services
            .AddCivicMigrations(CivicServices.Panel.Name, typeof(PanelStorage).Assembly)
            .AddCivicDbContext<PanelDbContext>();
}
