using Civic.Hosting.Grpc;
using Civic.Hosting.Notifications;

namespace Civic.Network.Notifications;

public static class NotificationsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the Network service's outbox on the shared delivery (e-mail, SMS, development mailbox), the messages of the
    /// request flow and profile upkeep, and the development mailbox RPC.
    /// </summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddOptions<NetworkContactsOptions>().BindConfiguration(NetworkContactsOptions.SectionName)
            .Validate(o => o.CoordinatorsEmail.Length == 0 || EmailAddresses.IsValid(o.CoordinatorsEmail),
                "Network:Contacts:CoordinatorsEmail must be one e-mail address (or empty).")
            .ValidateOnStart();
        return services
            .AddOutboxNotifications<NetworkDbContext>("Network", "Ressourcenetværket")
            .AddScoped<NetworkMessages>()
            .AddGrpcService<DevelopmentMailboxGrpcService>();
    }
}
