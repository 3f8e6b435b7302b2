using Civic.Hosting.Jobs;
using Civic.Hosting.Storage;
using Civic.Hotline.Bookings;
using Civic.Hotline.Notifications;
using Civic.Hotline.Schedules;
using Microsoft.EntityFrameworkCore;

namespace Civic.Hotline.Calls;

/// <summary>
/// At 07:00 Europe/Copenhagen: sends each department with a session today its call list summary (to the department's
/// address). Once per session: claimed by a conditional update in the same transaction as the message, so a second
/// run, or two at once, send nothing more. Departments without an address get none (and stay unclaimed, so adding an
/// address before the next run still sends it).
/// </summary>
public sealed partial class MorningCallListJob(HotlineDbContext db, NotificationOutbox outbox, TimeProvider timeProvider, ILogger<MorningCallListJob> logger) : IRecurringJob
{
    public const string JobId = "hotline:morning-call-list";

    public async Task RunAsync(CancellationToken cancellationToken) => await SendTodayAsync(cancellationToken);

    /// <summary>Sends today's call list summaries not yet sent; returns how many this run sent.</summary>
    public async Task<int> SendTodayAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetStoredUtcNow();
        var today = HotlineTime.Today(timeProvider);
        var sessions = await db.Sessions.AsNoTracking()
            .Where(s => s.Date == today && s.CancelledAt == null && s.CallListSentAt == null)
            .Join(db.Departments.Where(d => d.ContactEmail != null), s => s.DepartmentId, d => d.Id, (s, d) => s)
            .OrderBy(s => s.StartsAt).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var session in sessions)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var claimed = await db.Sessions.Where(s => s.Id == session.Id && s.CallListSentAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.CallListSentAt, now), cancellationToken);
            if (claimed == 1)
            {
                var department = await db.Departments.AsNoTracking().SingleAsync(d => d.Id == session.DepartmentId, cancellationToken);
                var calls = await db.Bookings.AsNoTracking().Where(b => b.SessionId == session.Id && b.Status == BookingStatus.Booked)
                    .OrderBy(b => b.SlotStartsAt).Select(b => new CallListLine(b.SlotStartsAt, b.TopicKind, b.Language, b.Needs != null)).ToListAsync(cancellationToken);
                outbox.MorningCallList(department, session, calls);
                await db.SaveChangesAsync(cancellationToken);
                sent++;
            }

            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        if (sent > 0)
        {
            LogSent(logger, sent);
        }

        return sent;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent {Count} morning call lists")]
    private static partial void LogSent(ILogger logger, int count);
}

/// <summary>One call in the morning summary: when, what about, in which language, and whether the citizen named needs. No name or number: the list itself is behind login.</summary>
public sealed record CallListLine(DateTimeOffset StartsAt, TopicKind TopicKind, BookingLanguage Language, bool HasNeeds);
