using Civic.Hosting.Jobs;
using Civic.Hosting.Storage;
using Civic.Hotline.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Civic.Hotline.Ideas;

/// <summary>
/// Daily: flags every idea still at "received" (no status change) <see cref="FeedbackDue"/> after it was received, so
/// the department sees it on its ideas page, and tells the department by e-mail when it has an address. Each idea is
/// flagged once: claimed by a conditional update in the same transaction as its message.
/// </summary>
public sealed partial class IdeaFollowUpJob(HotlineDbContext db, NotificationOutbox outbox, TimeProvider timeProvider, ILogger<IdeaFollowUpJob> logger) : IRecurringJob
{
    public const string JobId = "hotline:flag-ideas-without-feedback";

    public static readonly TimeSpan FeedbackDue = TimeSpan.FromDays(30);

    public async Task RunAsync(CancellationToken cancellationToken) => await FlagDueAsync(cancellationToken);

    /// <summary>Flags the ideas due now; returns how many this run flagged.</summary>
    public async Task<int> FlagDueAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetStoredUtcNow();
        var due = now - FeedbackDue;
        var ideas = await db.Ideas.AsNoTracking().Where(i => i.Status == IdeaStatus.Received && i.FlaggedAt == null && i.CreatedAt <= due)
            .OrderBy(i => i.CreatedAt).ToListAsync(cancellationToken);
        var flagged = 0;
        foreach (var idea in ideas)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var claimed = await db.Ideas.Where(i => i.Id == idea.Id && i.FlaggedAt == null && i.Status == IdeaStatus.Received)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.FlaggedAt, now), cancellationToken);
            if (claimed == 1)
            {
                var department = await db.Departments.AsNoTracking().SingleAsync(d => d.Id == idea.DepartmentId, cancellationToken);
                if (department.ContactEmail is not null)
                {
                    outbox.IdeaWithoutFeedback(department, idea);
                    await db.SaveChangesAsync(cancellationToken);
                }

                flagged++;
            }

            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        if (flagged > 0)
        {
            LogFlagged(logger, flagged);
        }

        return flagged;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Flagged {Count} ideas without feedback after 30 days")]
    private static partial void LogFlagged(ILogger logger, int count);
}
