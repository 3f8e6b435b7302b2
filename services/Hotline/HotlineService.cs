using Civic.Contracts.Hotline.V1;
using Civic.Hosting.Storage;

namespace Civic.Hotline;

/// <summary>The Hotline service's name, port and registrations that span its features.</summary>
public static class HotlineService
{
    public const string Name = "hotline";
    public const int DefaultGrpcPort = 5101;

    public static IServiceCollection AddHotlineStorage(this IServiceCollection services) =>
        services
            .AddCivicMigrations(Name, typeof(HotlineService).Assembly)
            .AddCivicDbContext<HotlineDbContext>();

    public static IServiceCollection AddHotlineRpc(this IServiceCollection services) =>
        services.AddRpcService<HotlineHandler>(HotlineReflection.Descriptor.Services[0]);
}
