using Civic.Hosting.DemoData;
using Civic.Hosting.Grpc;
using Civic.Hosting.Jobs;
using Civic.Network.Capacity;
using Hangfire;

namespace Civic.Network.Requests;

public static class HelpRequestsServiceCollectionExtensions
{
    /// <summary>Adds the request desk, the capacity ledger, the requests' gRPC service (and JSON routes), the hourly follow-up job and a demo request.</summary>
    public static IServiceCollection AddHelpRequests(this IServiceCollection services)
    {
        services.AddOptions<RequestFollowUpOptions>().BindConfiguration(RequestFollowUpOptions.SectionName)
            .Validate(o => o.RemindPersonAfterDays > 0 && o.EscalateAfterDays > o.RemindPersonAfterDays && o.RemindManagerAfterDays > 0,
                "Network:Requests:FollowUp needs RemindPersonAfterDays > 0, EscalateAfterDays > RemindPersonAfterDays and RemindManagerAfterDays > 0.")
            .ValidateOnStart();
        return services
            .AddScoped<CapacityLedger>()
            .AddScoped<HelpRequestDesk>()
            .AddGrpcService<HelpRequestGrpcService>()
            .AddScoped<RequestFollowUp>()
            .AddRecurringJob<RequestFollowUpJob>("network:request-follow-up", Cron.Hourly())
            .AddScoped<IDemoDataSeeder, DemoHelpRequests>();
    }
}
