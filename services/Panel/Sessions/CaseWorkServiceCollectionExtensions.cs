using Civic.Hosting.DemoData;
using Civic.Hosting.Grpc;
using Civic.Hosting.Jobs;
using Civic.Panel.Evaluation;
using Civic.Panel.Feedback;
using Civic.Panel.Invitations;
using Civic.Panel.Synthesis;

namespace Civic.Panel.Sessions;

public static class CaseWorkServiceCollectionExtensions
{
    /// <summary>
    /// Adds the panel's work after convening: sessions and contributions, the synthesis, feedback with its
    /// escalation job (e-mailed to the addresses in Panel:FollowUp), the evaluation, and the demo case work (after the demo invitations).
    /// </summary>
    public static IServiceCollection AddCaseWork(this IServiceCollection services)
    {
        services.AddOptions<FeedbackOptions>().BindConfiguration(FeedbackOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<FollowUpContactOptions>().BindConfiguration(FollowUpContactOptions.SectionName);
        return services
            .AddScoped<FollowUpContacts>()
            .AddScoped<EscalationMessages>()
            .AddScoped<CasePanel>()
            .AddScoped<SessionDesk>()
            .AddScoped<SynthesisDesk>()
            .AddScoped<FeedbackDesk>()
            .AddScoped<EvaluationDesk>()
            .AddGrpcService<SessionGrpcService>()
            .AddGrpcService<SynthesisGrpcService>()
            .AddGrpcService<FeedbackGrpcService>()
            .AddGrpcService<EvaluationGrpcService>()
            .AddRecurringJob<FeedbackEscalationJob>(FeedbackEscalationJob.JobId, Hangfire.Cron.Daily(6))
            .AddScoped<IDemoDataSeeder, DemoCaseWork>();
    }
}
