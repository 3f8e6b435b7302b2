using Civic.Hosting.DemoData;
using Civic.Hosting.Grpc;
using Civic.Panel.Audit;
using Civic.Panel.ConsentRenewal;
using Civic.Hosting.Jobs;
using Civic.Hosting.Notifications;
using Civic.Panel.Fairness;
using Civic.Panel.Membership;
using Hangfire;

namespace Civic.Panel.Pool;

public static class PoolServiceCollectionExtensions
{
    /// <summary>
    /// Adds the pool: sign-up and assisted sign-up, member self-service, the audit log, the consent job,
    /// the fairness report (their gRPC services and JSON routes), and the demo feature schema and pool.
    /// </summary>
    public static IServiceCollection AddPool(this IServiceCollection services)
    {
        services.AddOptions<PoolOptions>().BindConfiguration(PoolOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        return services
            .AddHttpContextAccessor()
            .AddScoped<AuditLog>()
            .AddSingleton<MemberLinkTokens>()
            .AddScoped<MemberLinks>()
            .AddScoped<MemberMessages>()
            .AddScoped<IMessageBodyRenderer, MemberLinkRenderer>()
            .AddScoped<SignUpDesk>()
            .AddScoped<MemberDirectory>()
            .AddScoped<ParticipationHistory>()
            .AddScoped<MemberErasure>()
            .AddScoped<MemberSelfService>()
            .AddScoped<FairnessReporter>()
            .AddGrpcService<PoolGrpcService>()
            .AddGrpcService<MembershipGrpcService>()
            .AddGrpcService<AuditGrpcService>()
            .AddGrpcService<FairnessGrpcService>()
            .AddRecurringJob<ConsentRenewalJob>(ConsentRenewalJob.JobId, Cron.Daily(3))
            .AddScoped<IDemoDataSeeder, DemoPool>();
    }
}
