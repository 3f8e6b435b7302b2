using Civic.Hosting.Grpc;
using Civic.Hosting.Jobs;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Civic.Hotline.Notifications;

public static class NotificationsServiceCollectionExtensions
{
    /// <summary>Adds the notification outbox, its delivery job (every minute), e-mail over SMTP when configured, and the development mailbox.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.SectionName);
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<INotificationSender>(provider => provider.GetRequiredService<IOptions<SmtpOptions>>().Value.IsConfigured
            ? new NotificationChannels(email: ActivatorUtilities.CreateInstance<SmtpEmailSender>(provider), sms: new DevelopmentMailboxSender())
            : new DevelopmentMailboxSender());
        return services
            .AddScoped<NotificationOutbox>()
            .AddScoped<NotificationDispatcher>()
            .AddRecurringJob<NotificationDispatcher>(NotificationDispatcher.JobId, "* * * * *")
            .AddGrpcService<DevelopmentMailboxGrpcService>();
    }
}
