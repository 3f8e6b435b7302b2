using Civic.Hosting.Grpc;
using Civic.Hosting.Notifications;

namespace Civic.Hotline.Notifications;

public static class NotificationsServiceCollectionExtensions
{
    /// <summary>Adds the Hotline's outbox (messages to citizens with their manage link) on the shared delivery, and its development mailbox.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services) =>
        services
            .AddScoped<IMessageBodyRenderer, ManageLinkRenderer>()
            .AddOutboxNotifications<HotlineDbContext>("Hotline", "Direktørlinjen")
            .AddScoped<NotificationOutbox>()
            .AddGrpcService<DevelopmentMailboxGrpcService>();
}
