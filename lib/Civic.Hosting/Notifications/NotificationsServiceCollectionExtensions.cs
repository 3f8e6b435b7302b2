using Civic.Hosting.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Civic.Hosting.Notifications;

public static class NotificationsServiceCollectionExtensions
{
    /// <summary>
    /// Adds a service's outbox delivery: the job <c>&lt;service&gt;:deliver-notifications</c> (every minute),
    /// e-mail over SMTP when "&lt;Service&gt;:Notifications:Smtp:Host" is set, SMS over HTTP when
    /// "&lt;Service&gt;:Notifications:Sms:Endpoint" is set, the development mailbox otherwise, and
    /// <see cref="DevelopmentMailbox{TContext}"/>. The DbContext must map <see cref="OutboxMessage"/>
    /// (<see cref="OutboxMessageConfiguration"/>); a service with links in its messages registers its
    /// <see cref="IMessageBodyRenderer"/> too.
    /// </summary>
    /// <param name="services">The service's services.</param>
    /// <param name="service">The service's name in configuration and job ids: "Hotline", "Panel", "Network".</param>
    /// <param name="senderName">The sender's name on e-mails unless configured, e.g. "Direktørlinjen".</param>
    public static IServiceCollection AddOutboxNotifications<TContext>(this IServiceCollection services, string service, string senderName)
        where TContext : DbContext
    {
        var section = $"{service}:Notifications";
        services.AddOptions<NotificationOptions>().BindConfiguration(section);
        services.AddOptions<SmtpOptions>().Configure(smtp => smtp.FromName = senderName).BindConfiguration($"{section}:Smtp").ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SmsOptions>().BindConfiguration($"{section}:Sms").ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient<HttpSmsSender>();
        services.TryAddScoped<MessageBodies>();
        services.TryAddScoped<IMessageSender>(provider =>
        {
            var development = new DevelopmentMailboxSender();
            IMessageSender email = provider.GetRequiredService<IOptions<SmtpOptions>>().Value.IsConfigured
                ? ActivatorUtilities.CreateInstance<SmtpEmailSender>(provider) : development;
            IMessageSender sms = provider.GetRequiredService<IOptions<SmsOptions>>().Value.IsConfigured
                ? provider.GetRequiredService<HttpSmsSender>() : development;
            return new MessageChannels(email, sms);
        });
        return services
            .AddScoped<DevelopmentMailbox<TContext>>()
            .AddRecurringJob<OutboxDispatcher<TContext>>($"{service.ToLowerInvariant()}:deliver-notifications", "* * * * *");
    }
}
