using Civic.Contracts.Panel.V1;
using Civic.Hosting.Storage;

namespace Civic.Panel;

/// <summary>The Panel service's name, port and registrations that span its features.</summary>
public static class PanelService
{
    public const string Name = "panel";
    public const int DefaultGrpcPort = 5102;

    public static IServiceCollection AddPanelStorage(this IServiceCollection services) =>
        services
            .AddCivicMigrations(Name, typeof(PanelService).Assembly)
            .AddCivicDbContext<PanelDbContext>();

    public static IServiceCollection AddPanelRpc(this IServiceCollection services) =>
        services.AddRpcService<PanelHandler>(PanelReflection.Descriptor.Services[0]);
}
