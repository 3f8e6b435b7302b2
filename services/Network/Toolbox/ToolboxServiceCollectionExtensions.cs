using Civic.Hosting.DemoData;
using Civic.Hosting.Grpc;

namespace Civic.Network.Toolbox;

public static class ToolboxServiceCollectionExtensions
{
    /// <summary>Adds the toolbox library, its gRPC service (and JSON routes) and its demo articles.</summary>
    public static IServiceCollection AddToolbox(this IServiceCollection services) =>
        services
            .AddScoped<ToolboxLibrary>()
            .AddGrpcService<ToolboxGrpcService>()
            .AddScoped<IDemoDataSeeder, DemoToolboxArticles>();
}
