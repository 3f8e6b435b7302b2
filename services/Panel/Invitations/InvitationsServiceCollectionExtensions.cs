using Civic.Hosting.DemoData;
using Civic.Hosting.Grpc;
using Civic.Hosting.Jobs;
using Civic.Hosting.Notifications;

namespace Civic.Panel.Invitations;

public static class InvitationsServiceCollectionExtensions
{
    /// <summary>Adds invitations with signed links (sent by e-mail through the outbox), the member's side, the expiry and reminder jobs and the demo invitations (after the demo draw).</summary>
    public static IServiceCollection AddInvitations(this IServiceCollection services)
    {
        services.AddOptions<InvitationOptions>().BindConfiguration(InvitationOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        return services
            .AddSingleton<InvitationLinks>()
            .AddScoped<InvitationDesk>()
            .AddScoped<InvitationMessages>()
            .AddScoped<IMessageBodyRenderer, InvitationLinkRenderer>()
            .AddScoped<MemberCaseView>()
            .AddGrpcService<InvitationGrpcService>()
            .AddGrpcService<PanelMemberGrpcService>()
            .AddRecurringJob<InvitationExpiryJob>(InvitationExpiryJob.JobId, "*/15 * * * *")
            .AddScoped<InvitationReminders>()
            .AddRecurringJob<InvitationReminderJob>(InvitationReminderJob.JobId, "*/15 * * * *")
            .AddScoped<IDemoDataSeeder, DemoInvitations>();
    }
}
