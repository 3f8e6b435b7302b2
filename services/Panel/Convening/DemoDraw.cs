using Civic.Hosting.DemoData;
using Civic.Panel.Lottery;
using Civic.Panel.Pool;
using Microsoft.EntityFrameworkCore;

namespace Civic.Panel.Convening;

/// <summary>
/// One recorded draw for the first demo case (which has its scope of influence), so the one-machine
/// default shows a convened panel and its probabilities from the start. Drawn with a fixed seed;
/// added once, by fixed id. Runs after the demo cases and pool (registration order).
/// </summary>
public sealed class DemoDraw(PanelDbContext db, TimeProvider timeProvider) : IDemoDataSeeder
{
    public const string Id = "0192f0a0-0000-7000-8000-000000000301";
    private const string CaseId = "0192f0a0-0000-7000-8000-000000000101";
    private const ulong Seed = 20261130;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Draws.AnyAsync(d => d.Id == Id, cancellationToken) || !await db.Cases.AnyAsync(c => c.Id == CaseId, cancellationToken))
        {
            return;
        }

        var snapshot = (await db.PoolMembers.AsNoTracking().Where(m => m.Status == PoolMemberStatus.Active).ToListAsync(cancellationToken))
            .Select(m => new LotteryMember(m.Id, m.Features, m.HouseholdKey)).OrderBy(m => m.Id, StringComparer.Ordinal).ToList();
        const int panelSize = 10;
        IReadOnlyList<FeatureQuota> quotas =
        [
            new("age_band", "18-29", 2, 4), new("age_band", "30-44", 1, 4), new("age_band", "45-59", 1, 4), new("age_band", "60-74", 1, 4), new("age_band", "75+", 0, 2),
        ];
        var problem = new LotteryProblem(snapshot, panelSize, quotas, []);
        var stored = new StoredDraw(snapshot, panelSize, quotas, [], problem.OneMemberPerHousehold, FairLottery.Draw(problem, Seed));
        db.Draws.Add(new PanelDrawRecord { Id = Id, CaseId = CaseId, Record = stored.ToJson(), DrawnBy = "demo", DrawnAt = timeProvider.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
    }
}
