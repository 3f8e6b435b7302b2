using Civic.Hosting.Grpc;
using Civic.Hosting.Notifications;

namespace Civic.Network.Notifications;

public static class NotificationsServiceCollectionExtensions
{
    /// <summary>Adds the Network service's outbox on the shared delivery (e-mail, SMS, development mailbox) and its development mailbox RPC.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services) =>
        services
            .AddOutboxNotifications<NetworkDbContext>("Network", "Ressourcenetværket")
            .AddGrpcService<DevelopmentMailboxGrpcService>();
}
