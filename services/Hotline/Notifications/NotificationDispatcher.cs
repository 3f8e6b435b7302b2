using Civic.Hosting.Jobs;
using Civic.Hosting.Storage;
using Civic.Hotline.Bookings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Civic.Hotline.Notifications;

/// <summary>Delivers one notification on its channel; throws when it could not.</summary>
public interface INotificationSender
{
    Task SendAsync(Notification notification, string body, CancellationToken cancellationToken);
}

/// <summary>
/// On one machine nothing leaves it: delivering a message means the development mailbox page shows it
/// (it reads the outbox). It delivers e-mails unless SMTP is configured, and SMS (no SMS provider yet).
/// </summary>
public sealed class DevelopmentMailboxSender : INotificationSender
{
    public Task SendAsync(Notification notification, string body, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Hotline:Notifications settings.</summary>
public sealed class NotificationOptions
{
    public const string SectionName = "Hotline:Notifications";

    /// <summary>Where citizens open the gateway; manage links in messages start here.</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5100";

    /// <summary>How long a dispatcher holds a message it is delivering before another may try.</summary>
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromMinutes(5);

    public int MaxAttempts { get; set; } = 8;
}

/// <summary>
/// The job that empties the outbox every minute. Each message is first claimed with a conditional update
/// (unsent, and unclaimed or its claim expired), so two dispatchers never deliver the same message; it is
/// marked sent right after delivery, and a failed delivery is retried on a later run with a growing pause.
/// </summary>
public sealed partial class NotificationDispatcher(
    HotlineDbContext db, INotificationSender sender, ManageTokens tokens, IOptions<NotificationOptions> options, TimeProvider timeProvider,
    ILogger<NotificationDispatcher> logger) : IRecurringJob
{
    public const string JobId = "hotline:deliver-notifications";
    private const int Batch = 100;

    public async Task RunAsync(CancellationToken cancellationToken) => await DeliverAsync(cancellationToken);

    /// <summary>Delivers what is due; returns how many were delivered.</summary>
    public async Task<int> DeliverAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetStoredUtcNow();
        var settings = options.Value;
        var due = await db.Notifications.AsNoTracking()
            .Where(n => n.SentAt == null && n.Attempts < settings.MaxAttempts && (n.ClaimedUntil == null || n.ClaimedUntil < now))
            .OrderBy(n => n.CreatedAt).Take(Batch)
            .ToListAsync(cancellationToken);
        var delivered = 0;
        foreach (var notification in due)
        {
            var claimedUntil = now + settings.ClaimDuration;
            var claimed = await db.Notifications
                .Where(n => n.Id == notification.Id && n.SentAt == null && (n.ClaimedUntil == null || n.ClaimedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.ClaimedUntil, claimedUntil).SetProperty(n => n.Attempts, n => n.Attempts + 1), cancellationToken);
            if (claimed == 0)
            {
                continue;
            }

            try
            {
                await sender.SendAsync(notification, BodyOf(notification), cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Retry later, waiting longer after each failure.
                var retryAt = now + TimeSpan.FromMinutes(Math.Pow(2, notification.Attempts));
                var error = exception.GetType().Name;
                await db.Notifications.Where(n => n.Id == notification.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(n => n.ClaimedUntil, retryAt).SetProperty(n => n.LastError, error), CancellationToken.None);
                LogFailed(logger, notification.Id, error);
                continue;
            }

            var sentAt = timeProvider.GetStoredUtcNow();
            await db.Notifications.Where(n => n.Id == notification.Id).ExecuteUpdateAsync(s => s.SetProperty(n => n.SentAt, sentAt), CancellationToken.None);
            delivered++;
        }

        return delivered;
    }

    /// <summary>The message as the citizen receives it: the manage link filled in from the booking.</summary>
    public string BodyOf(Notification notification) =>
        notification.BookingId is null || !notification.Body.Contains(NotificationOutbox.ManageLinkPlaceholder, StringComparison.Ordinal)
            ? notification.Body
            : notification.Body.Replace(NotificationOutbox.ManageLinkPlaceholder, ManageLink(notification.BookingId), StringComparison.Ordinal);

    private string ManageLink(string bookingId)
    {
        var reference = db.Bookings.AsNoTracking().Where(b => b.Id == bookingId).Select(b => b.Reference).Single();
        return $"{options.Value.PublicBaseUrl.TrimEnd('/')}/direktoerlinjen/booking/{reference}?noegle={tokens.TokenFor(bookingId)}";
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivering notification {Id} failed with {Error}; it will be retried")]
    private static partial void LogFailed(ILogger logger, string id, string error);
}
