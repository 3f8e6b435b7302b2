using Civic.Hosting.Storage;
using Civic.Panel.Audit;
using Civic.Panel.Pool;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Civic.Panel.Invitations;

/// <summary>
/// Reminds invited members who have not answered, <see cref="InvitationOptions.ReminderBeforeDeadline"/> before the
/// deadline. Each reminder is claimed by a conditional update of reminded_at in the same transaction as its
/// outbox message, so it goes out once however often (or however many instances of) the job runs. An
/// invitation that gave less time than that from the start gets none: the invitation itself was the reminder.
/// Each reminder is audited in the same transaction.
/// </summary>
public sealed class InvitationReminders(PanelDbContext db, InvitationMessages messages, AuditLog audit, IOptions<InvitationOptions> options, TimeProvider timeProvider)
{
    /// <summary>Queues the reminders due now; returns how many.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetStoredUtcNow();
        var before = options.Value.ReminderBeforeDeadline;
        var remindFrom = now + before;
        var due = await db.Invitations.AsNoTracking()
            .Where(i => i.Status == InvitationStatus.Pending && i.RemindedAt == null && i.Deadline > now && i.Deadline <= remindFrom)
            .ToListAsync(cancellationToken);
        var active = (await db.PoolMembers.AsNoTracking().Where(m => m.Status == PoolMemberStatus.Active).Select(m => m.Id).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var sent = 0;
        foreach (var invitation in due.Where(i => i.Deadline - i.SentAt > before && active.Contains(i.MemberId)))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var claimed = await db.Invitations
                .Where(i => i.Id == invitation.Id && i.RemindedAt == null && i.Status == InvitationStatus.Pending)
                .ExecuteUpdateAsync(set => set.SetProperty(i => i.RemindedAt, now), cancellationToken);
            if (claimed == 0)
            {
                continue;
            }

            await messages.QueueReminderAsync(invitation, now, cancellationToken);
            audit.Changed(AuditActions.CaseInvitationRemind, "case", invitation.CaseId,
                $"Member {invitation.MemberId} reminded to answer invitation {invitation.Id} by {invitation.Deadline.UtcDateTime:yyyy-MM-dd HH:mm} UTC", AuditActors.System);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            sent++;
        }

        return sent;
    }
}
