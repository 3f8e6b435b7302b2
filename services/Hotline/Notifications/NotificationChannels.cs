namespace Civic.Hotline.Notifications;

/// <summary>Hands each message to the sender of its channel.</summary>
public sealed class NotificationChannels(INotificationSender email, INotificationSender sms) : INotificationSender
{
    public Task SendAsync(Notification notification, string body, CancellationToken cancellationToken) =>
        (notification.Channel == NotificationChannel.Email ? email : sms).SendAsync(notification, body, cancellationToken);
}
