using Civic.Hosting.Grpc;
using Civic.Hosting.Jobs;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Civic.Hotline.Notifications;

public static class NotificationsServiceCollectionExtensions
{
    /// <summary>Adds the notification outbox, its delivery job (every minute) and the development mailbox.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.SectionName);
        services.TryAddSingleton<INotificationSender, DevelopmentMailboxSender>();
        return services
            .AddScoped<NotificationOutbox>()
            .AddScoped<NotificationDispatcher>()
            .AddRecurringJob<NotificationDispatcher>(NotificationDispatcher.JobId, "* * * * *")
            .AddGrpcService<DevelopmentMailboxGrpcService>();
    }
}
