using Civic.Hosting.DemoData;
using Civic.Hosting.Grpc;
using Civic.Hosting.Jobs;
using Hangfire;

namespace Civic.Network.Navigators;

public static class NavigatorsServiceCollectionExtensions
{
    /// <summary>Adds the family registry, its gRPC service (and JSON routes) the daily job that flags families without a navigator, and a demo family.</summary>
    public static IServiceCollection AddNavigators(this IServiceCollection services) =>
        services
            .AddScoped<FamilyRegistry>()
            .AddGrpcService<NavigatorGrpcService>()
            .AddRecurringJob<UnattendedFamiliesJob>("network:unattended-families", Cron.Daily(3))
            .AddScoped<IDemoDataSeeder, DemoFamilies>();
}
