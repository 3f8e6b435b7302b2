using Civic.Hosting.DemoData;
using Microsoft.EntityFrameworkCore;

namespace Civic.Network.ProfileUpkeep;

/// <summary>The one-machine demo: an open report on the demo employee's own profile (Sofie Nielsen), so the reports page has one to resolve. Added once, by id.</summary>
public sealed class DemoProfileReports(NetworkDbContext db, TimeProvider timeProvider) : IDemoDataSeeder
{
    public const string ReportId = "0192f0a0-0000-7000-8000-000000000801";
    private const string PersonId = "0192f0a0-0000-7000-8000-000000000205";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.ProfileReports.AnyAsync(r => r.Id == ReportId, cancellationToken)
            || await db.ResourcePersons.AsNoTracking().SingleOrDefaultAsync(p => p.Id == PersonId, cancellationToken) is not { } person)
        {
            return;
        }

        db.ProfileReports.Add(new ProfileReport
        {
            Id = ReportId,
            PersonId = person.Id,
            PersonName = person.DisplayName,
            OwnerId = person.OwnerId,
            Reason = "Profilen nævner ikke, at Sofie også taler arabisk.",
            ReporterName = "Lise Andersen",
            Status = ProfileReportStatus.Open,
            CreatedAt = timeProvider.GetUtcNow().AddDays(-2),
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
