using Civic.Hosting.Storage;
using Microsoft.EntityFrameworkCore;

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
/// remaining ones remind the person (proposed) or their manager (accepted, awaiting approval). Each step
/// is one conditional update, so a request changed meanwhile is left alone and a second run repeats nothing.
/// </summary>
public sealed class RequestFollowUp(NetworkDbContext db, TimeProvider timeProvider, Microsoft.Extensions.Options.IOptions<RequestFollowUpOptions> options)
{
    public async Task<FollowUpResult> RunAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetStoredUtcNow();
        var settings = options.Value;
        var escalateBefore = now.AddDays(-settings.EscalateAfterDays);
        var remindPersonBefore = now.AddDays(-settings.RemindPersonAfterDays);
        var remindManagerBefore = now.AddDays(-settings.RemindManagerAfterDays);

        var escalated = await db.HelpRequests
            .Where(r => r.Status == HelpRequestStatus.Proposed && r.UpdatedAt < escalateBefore)
            .ExecuteUpdateAsync(set => set
                .SetProperty(r => r.Status, HelpRequestStatus.Queued)
                .SetProperty(r => r.EscalatedFrom, r => r.PersonName)
                .SetProperty(r => r.PersonId, (string?)null)
                .SetProperty(r => r.PersonName, string.Empty)
                .SetProperty(r => r.EscalatedAt, now)
                .SetProperty(r => r.UpdatedAt, now), cancellationToken);
        var people = await RemindAsync(HelpRequestStatus.Proposed, remindPersonBefore, now, cancellationToken);
        var managers = await RemindAsync(HelpRequestStatus.Accepted, remindManagerBefore, now, cancellationToken);
        return new FollowUpResult(escalated, people, managers);
    }

    private Task<int> RemindAsync(HelpRequestStatus status, DateTimeOffset waitingSince, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.HelpRequests
            .Where(r => r.Status == status && r.UpdatedAt < waitingSince && (r.RemindedAt == null || r.RemindedAt < r.UpdatedAt))
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.RemindedAt, now), cancellationToken);
}
