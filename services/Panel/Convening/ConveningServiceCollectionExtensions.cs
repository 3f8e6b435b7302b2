using Civic.Hosting.DemoData;
using Civic.Hosting.Grpc;

namespace Civic.Panel.Convening;

public static class ConveningServiceCollectionExtensions
{
    /// <summary>Adds the cool-down setting, the lottery's seed source, the convener its gRPC service (and JSON routes) and the demo draw.</summary>
    public static IServiceCollection AddConvening(this IServiceCollection services)
    {
        services.AddOptions<ConveningOptions>().BindConfiguration(ConveningOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        return services
            .AddSingleton<ILotterySeedSource, CryptographicSeedSource>()
            .AddScoped<PanelConvener>()
            .AddGrpcService<ConveningGrpcService>()
            .AddScoped<IDemoDataSeeder, DemoDraw>();
    }
}
