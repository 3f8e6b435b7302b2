using Civic.Hosting.DemoData;
using Civic.Hosting.Grpc;
using Civic.Hosting.Jobs;
using Hangfire;

namespace Civic.Hotline.Schedules;

public static class SchedulesServiceCollectionExtensions
{
    /// <summary>Adds schedule rules, sessions, the daily materialisation job, the gRPC service and the demo rules.</summary>
    public static IServiceCollection AddSchedules(this IServiceCollection services)
    {
        services.AddOptions<SchedulingOptions>().BindConfiguration(SchedulingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        return services
            .AddScoped<ScheduleCatalog>()
            .AddScoped<SessionMaterialiser>()
            .AddScoped<SessionCancellation>()
            .AddScoped<ScheduleRuleEditor>()
            .AddRecurringJob<SessionMaterialiser>(SessionMaterialiser.JobId, Cron.Daily(2))
            .AddGrpcService<ScheduleGrpcService>()
            .AddScoped<IDemoDataSeeder, DemoSchedules>();
    }
}
