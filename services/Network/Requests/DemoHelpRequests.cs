using Civic.Hosting.DemoData;
using Civic.Network.ResourcePersons;
using Microsoft.EntityFrameworkCore;

namespace Civic.Network.Requests;

/// <summary>A request waiting in the coordinators' queue for the one-machine demo (fixed id, added once).</summary>
public sealed class DemoHelpRequests(NetworkDbContext db, TimeProvider timeProvider) : IDemoDataSeeder
{
    public const string QueuedRequestId = "0192f0a0-0000-7000-8002-000000000001";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.HelpRequests.AnyAsync(r => r.Id == QueuedRequestId, cancellationToken))
        {
            return;
        }

        var now = timeProvider.GetUtcNow();
        var start = DateOnly.FromDateTime(now.UtcDateTime).AddDays(14);
        db.HelpRequests.Add(new HelpRequest
        {
            Id = QueuedRequestId,
            Need = "Facilitator til et borgermøde om ensomhed blandt ældre i Vestbyen.",
            CompetenceIds = ["facilitering", "borgerinddragelse"],
            StartDate = start,
            EndDate = start.AddDays(7),
            Hours = 6,
            Language = WorkingLanguage.Danish,
            Status = HelpRequestStatus.Queued,
            RequesterId = "demo-koordinator",
            RequesterName = "Jonas Christensen",
            RequesterDepartment = "sundhed-og-kultur",
            CreatedAt = now,
            UpdatedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
