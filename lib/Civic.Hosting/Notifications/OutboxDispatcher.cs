using Civic.Hosting.Jobs;
using Civic.Hosting.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Civic.Hosting.Notifications;

/// <summary>
/// The job that empties a service's outbox every minute. Each message is first claimed with a conditional
/// update (unsent, and unclaimed or its claim expired), so two dispatchers never deliver the same message; it
/// is marked sent right after delivery, and a failed delivery is retried on a later run with a growing pause.
/// </summary>
public sealed class OutboxDispatcher<TContext>(
    TContext db, IMessageSender sender, MessageBodies bodies, IOptions<NotificationOptions> options, TimeProvider timeProvider,
    ILogger<OutboxDispatcher<TContext>> logger) : IRecurringJob
    where TContext : DbContext
{
    private const int Batch = 100;

    public async Task RunAsync(CancellationToken cancellationToken) => await DeliverAsync(cancellationToken);

    /// <summary>Delivers what is due; returns how many were delivered.</summary>
    public async Task<int> DeliverAsync(CancellationToken cancellationToken)
    {
        var outbox = db.Set<OutboxMessage>();
        var now = timeProvider.GetStoredUtcNow();
        var settings = options.Value;
        var due = await outbox.AsNoTracking()
            .Where(m => m.SentAt == null && m.Attempts < settings.MaxAttempts && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .OrderBy(m => m.CreatedAt).Take(Batch)
            .ToListAsync(cancellationToken);
        var delivered = 0;
        foreach (var message in due)
        {
            var claimedUntil = now + settings.ClaimDuration;
            var claimed = await outbox
                .Where(m => m.Id == message.Id && m.SentAt == null && (m.ClaimedUntil == null || m.ClaimedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, claimedUntil).SetProperty(m => m.Attempts, m => m.Attempts + 1), cancellationToken);
            if (claimed == 0)
            {
                continue;
            }

            try
            {
                await sender.SendAsync(message, bodies.Render(message), cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Retry later, waiting longer after each failure.
                var retryAt = now + TimeSpan.FromMinutes(Math.Pow(2, message.Attempts));
                var error = exception.GetType().Name;
                await outbox.Where(m => m.Id == message.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, retryAt).SetProperty(m => m.LastError, error), CancellationToken.None);
                OutboxLog.DeliveryFailed(logger, message.Id, error);
                continue;
            }

            var sentAt = timeProvider.GetStoredUtcNow();
            await outbox.Where(m => m.Id == message.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, sentAt), CancellationToken.None);
            delivered++;
        }

        return delivered;
    }
}

internal static partial class OutboxLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivering notification {Id} failed with {Error}; it will be retried")]
    public static partial void DeliveryFailed(ILogger logger, string id, string error);
}
