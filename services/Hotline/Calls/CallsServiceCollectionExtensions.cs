using Civic.Hosting.DemoData;
using Civic.Hosting.Grpc;
using Civic.Hosting.Jobs;
using Civic.Hotline.Ideas;

namespace Civic.Hotline.Calls;

public static class CallsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the director's side: the call list, call outcomes and ideas (with the public board), a demo day of calls,
    /// the morning call list to each department at 07:00 (Jobs:TimeZone, Europe/Copenhagen) and the daily flag on ideas
    /// without feedback after 30 days.
    /// </summary>
    public static IServiceCollection AddCallsAndIdeas(this IServiceCollection services) =>
        services
            .AddScoped<DepartmentScope>()
            .AddScoped<CallDesk>()
            .AddScoped<IdeaBoard>()
            .AddGrpcService<CallGrpcService>()
            .AddGrpcService<IdeaGrpcService>()
            .AddScoped<IDemoDataSeeder, DemoCalls>()
            .AddRecurringJob<MorningCallListJob>(MorningCallListJob.JobId, "0 7 * * *")
            .AddRecurringJob<IdeaFollowUpJob>(IdeaFollowUpJob.JobId, "15 6 * * *");
}
