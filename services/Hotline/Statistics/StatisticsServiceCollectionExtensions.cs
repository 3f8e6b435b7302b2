using Civic.Hosting.Grpc;

namespace Civic.Hotline.Statistics;

public static class StatisticsServiceCollectionExtensions
{
    /// <summary>Adds the monthly statistics and their gRPC service.</summary>
    public static IServiceCollection AddHotlineStatistics(this IServiceCollection services) =>
        services.AddScoped<MonthlyStatistics>().AddGrpcService<StatisticsGrpcService>();
}
