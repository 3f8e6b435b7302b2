using Civic.Hosting.Storage;
using Civic.Network.Notifications;
using Civic.Network.ResourcePersons;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Civic.Network.Requests;

/// <summary>How long a request may wait before a reminder or an escalation; bound from "Network:Requests:FollowUp".</summary>
public sealed class RequestFollowUpOptions
{
    public const string SectionName = "Network:Requests:FollowUp";

    /// <summary>Days a request sent to a person may go unanswered before the person is reminded.</summary>
    public int RemindPersonAfterDays { get; set; } = 3;

    /// <summary>Days a request sent to a person may go unanswered before it goes to the coordinators' queue.</summary>
    public int EscalateAfterDays { get; set; } = 7;

    /// <summary>Days an accepted request may wait for the manager's approval before the manager is reminded.</summary>
    public int RemindManagerAfterDays { get; set; } = 3;
}

/// <summary>What one follow-up run did.</summary>
public sealed record FollowUpResult(int Escalated, int PeopleReminded, int ManagersReminded);

/// <summary>
/// Follows up waiting requests: an unanswered one escalates to the coordinators' queue, then the
/// remaining ones remind the person (proposed) or their manager (accepted, awaiting approval), each by e-mail
/// (<see cref="NetworkMessages"/>). Every step is a conditional update of one request that still looks as it did
/// when read, with its message in the same transaction: a request changed meanwhile is left alone, and a second
/// run repeats nothing.
/// </summary>
public sealed class RequestFollowUp(NetworkDbContext db, NetworkMessages messages, TimeProvider timeProvider, IOptions<RequestFollowUpOptions> options)
{
    public async Task<FollowUpResult> RunAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetStoredUtcNow();
        var settings = options.Value;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var escalated = await EscalateAsync(now.AddDays(-settings.EscalateAfterDays), now, cancellationToken);
        var people = await RemindAsync(HelpRequestStatus.Proposed, now.AddDays(-settings.RemindPersonAfterDays), now, messages.PersonReminder, cancellationToken);
        var managers = await RemindAsync(HelpRequestStatus.Accepted, now.AddDays(-settings.RemindManagerAfterDays), now, messages.ManagerReminder, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new FollowUpResult(escalated, people, managers);
    }

    private async Task<int> EscalateAsync(DateTimeOffset unansweredSince, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var due = await db.HelpRequests.AsNoTracking()
            .Where(r => r.Status == HelpRequestStatus.Proposed && r.UpdatedAt < unansweredSince)
            .ToListAsync(cancellationToken);
        var escalated = 0;
        foreach (var request in due)
        {
            var changed = await db.HelpRequests
                .Where(r => r.Id == request.Id && r.Status == HelpRequestStatus.Proposed && r.UpdatedAt == request.UpdatedAt)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(r => r.Status, HelpRequestStatus.Queued)
                    .SetProperty(r => r.EscalatedFrom, r => r.PersonName)
                    .SetProperty(r => r.PersonId, (string?)null)
                    .SetProperty(r => r.PersonName, string.Empty)
                    .SetProperty(r => r.EscalatedAt, now)
                    .SetProperty(r => r.UpdatedAt, now), cancellationToken);
            if (changed == 1)
            {
                messages.Escalated(request, request.PersonName, now);
                escalated++;
            }
        }

        return escalated;
    }

    private async Task<int> RemindAsync(
        HelpRequestStatus status, DateTimeOffset waitingSince, DateTimeOffset now, Action<HelpRequest, ResourcePerson, DateTimeOffset> message, CancellationToken cancellationToken)
    {
        var due = await db.HelpRequests.AsNoTracking()
            .Where(r => r.Status == status && r.UpdatedAt < waitingSince && (r.RemindedAt == null || r.RemindedAt < r.UpdatedAt))
            .Join(db.ResourcePersons.AsNoTracking(), r => r.PersonId, p => p.Id, (request, person) => new { request, person })
            .ToListAsync(cancellationToken);
        var reminded = 0;
        foreach (var (request, person) in due.Select(d => (d.request, d.person)))
        {
            var changed = await db.HelpRequests
                .Where(r => r.Id == request.Id && r.Status == status && r.UpdatedAt == request.UpdatedAt && (r.RemindedAt == null || r.RemindedAt < r.UpdatedAt))
                .ExecuteUpdateAsync(set => set.SetProperty(r => r.RemindedAt, now), cancellationToken);
            if (changed == 1)
            {
                message(request, person, now);
                reminded++;
            }
        }

        return reminded;
    }
}
