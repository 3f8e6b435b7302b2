using Civic.Hosting.DemoData;
using Civic.Hosting.Grpc;
using Civic.Hosting.Jobs;
using Hangfire;

namespace Civic.Network.ProfileUpkeep;

public static class ProfileUpkeepServiceCollectionExtensions
{
    /// <summary>Adds profile confirmation and reports, their gRPC service (and JSON routes), the daily staleness job and a demo report.</summary>
    public static IServiceCollection AddProfileUpkeep(this IServiceCollection services) =>
        services
            .AddScoped<ProfileUpkeepDesk>()
            .AddGrpcService<ProfileUpkeepGrpcService>()
            .AddRecurringJob<StaleProfilesJob>("network:stale-profiles", Cron.Daily(4))
            .AddScoped<IDemoDataSeeder, DemoProfileReports>();
}
