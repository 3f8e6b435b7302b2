using Civic.Hosting.Jobs;
using Civic.Hosting.Storage;
using Civic.Hotline.Bookings;
using Civic.Hotline.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Civic.Hotline.Reminders;

/// <summary>
/// Every few minutes: puts the reminders that are due (a day and an hour before each booked call) into the
/// outbox. Each reminder is enqueued exactly once: a booking's reminder is claimed by a conditional update
/// (its "sent at" column still empty) in the same transaction as its outbox message, so two runs at once, or
/// a run repeated by Hangfire, add nothing twice. Cancelled bookings get none; a booking made after a
/// reminder's moment skips that reminder (its confirmation has just told the time); a moved booking's
/// reminders start over (<see cref="BookingDesk.RescheduleAsync"/> clears them).
/// </summary>
public sealed partial class ReminderJob(HotlineDbContext db, NotificationOutbox outbox, TimeProvider timeProvider, ILogger<ReminderJob> logger) : IRecurringJob
{
    public const string JobId = "hotline:send-reminders";

    public static readonly TimeSpan DayBefore = TimeSpan.FromDays(1);
    public static readonly TimeSpan HourBefore = TimeSpan.FromHours(1);

    public async Task RunAsync(CancellationToken cancellationToken) => await SendDueAsync(cancellationToken);

    /// <summary>Enqueues the reminders due now; returns how many this run enqueued.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetStoredUtcNow();
        var dayLimit = now + DayBefore;
        var hourLimit = now + HourBefore;
        // A day before: from 24 h to 1 h before the call (after that only the hour reminder is worth sending).
        // "Booked before the reminder's moment" is checked here rather than in SQL: date arithmetic does not
        // translate on SQLite, and the candidates are a day's bookings at most.
        var dayDue = (await db.Bookings.AsNoTracking()
            .Where(b => b.Status == BookingStatus.Booked && b.DayReminderSentAt == null && b.SlotStartsAt > hourLimit && b.SlotStartsAt <= dayLimit)
            .Select(b => new { b.Id, b.CreatedAt, b.SlotStartsAt }).ToListAsync(cancellationToken))
            .Where(b => b.CreatedAt < b.SlotStartsAt - DayBefore).Select(b => b.Id);
        var hourDue = (await db.Bookings.AsNoTracking()
            .Where(b => b.Status == BookingStatus.Booked && b.HourReminderSentAt == null && b.SlotStartsAt > now && b.SlotStartsAt <= hourLimit)
            .Select(b => new { b.Id, b.CreatedAt, b.SlotStartsAt }).ToListAsync(cancellationToken))
            .Where(b => b.CreatedAt < b.SlotStartsAt - HourBefore).Select(b => b.Id);

        var sent = 0;
        foreach (var id in dayDue)
        {
            sent += await TrySendAsync(id, DayBefore, now, cancellationToken) ? 1 : 0;
        }

        foreach (var id in hourDue)
        {
            sent += await TrySendAsync(id, HourBefore, now, cancellationToken) ? 1 : 0;
        }

        if (sent > 0)
        {
            LogSent(logger, sent);
        }

        return sent;
    }

    private async Task<bool> TrySendAsync(string bookingId, TimeSpan before, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var bookings = db.Bookings.Where(b => b.Id == bookingId && b.Status == BookingStatus.Booked);
        var claimed = before == DayBefore
            ? await bookings.Where(b => b.DayReminderSentAt == null).ExecuteUpdateAsync(s => s.SetProperty(b => b.DayReminderSentAt, now), cancellationToken)
            : await bookings.Where(b => b.HourReminderSentAt == null).ExecuteUpdateAsync(s => s.SetProperty(b => b.HourReminderSentAt, now), cancellationToken);
        if (claimed == 0)
        {
            return false;
        }

        var booking = await db.Bookings.AsNoTracking().SingleAsync(b => b.Id == bookingId, cancellationToken);
        outbox.BookingReminder(booking, before);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Put {Count} booking reminders in the outbox")]
    private static partial void LogSent(ILogger logger, int count);
}
