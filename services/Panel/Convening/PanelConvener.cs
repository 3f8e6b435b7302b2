using Civic.Hosting.Errors;
using Civic.Hosting.Storage;
using Civic.Panel.Audit;
using Civic.Panel.Cases;
using Civic.Panel.Invitations;
using Civic.Panel.Lottery;
using Civic.Panel.Pool;
using Civic.Panel.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Civic.Panel.Convening;

/// <summary>A coordinator's request to convene: k, quotas, and members excluded for a conflict of interest.</summary>
public sealed record ConveneCommand(
    string CaseId, int PanelSize, IReadOnlyList<FeatureQuota> Quotas, IReadOnlyList<string> ExcludedMemberIds, IReadOnlyList<string>? RequiredLivedExperience = null);

/// <summary>Convenes panels from the active pool by the fair lottery, stores the draws, and verifies them.</summary>
public sealed class PanelConvener(
    PanelDbContext db, FeatureSchemaEditor schema, CaseRegistry cases, AuditLog audit, ILotterySeedSource seeds, IOptions<ConveningOptions> options, TimeProvider timeProvider)
{
    public async Task<(PanelDrawRecord Row, StoredDraw Draw)> ConveneAsync(ConveneCommand command, string drawnBy, CaseScope scope, CancellationToken cancellationToken)
    {
        ConveningRules.ValidatePanelSize(command.PanelSize);
        var @case = await cases.GetAsync(command.CaseId, scope, cancellationToken);
        CasePhaseRules.EnsureCanConvene(@case);
        // Retired values stay valid here: members still hold them.
        var defined = await schema.LoadAsync(cancellationToken);
        var requested = ConveningRules.RequireLivedExperience(command.Quotas, command.RequiredLivedExperience ?? [], defined.LivedExperienceCategory, command.PanelSize, defined.AllValues);
        var quotas = ConveningRules.CompleteQuotas(requested, command.PanelSize, defined.AllValues);
        var active = await db.PoolMembers.AsNoTracking().Where(m => m.Status == PoolMemberStatus.Active).OrderBy(m => m.Id).ToListAsync(cancellationToken);
        ConveningRules.ValidateExclusions(command.ExcludedMemberIds, active);
        var coolingDown = await CoolingDownAsync(cancellationToken);

        var snapshot = active.Where(m => !coolingDown.Contains(m.Id)).Select(m => new LotteryMember(m.Id, m.Features, m.HouseholdKey)).ToList();
        var exclusions = command.ExcludedMemberIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var problem = new LotteryProblem(snapshot, command.PanelSize, quotas, exclusions);
        var result = FairLottery.Draw(problem, seeds.NextSeed());
        var stored = new StoredDraw(snapshot, command.PanelSize, quotas, exclusions, problem.OneMemberPerHousehold, result);

        var now = timeProvider.GetStoredUtcNow();
        var row = new PanelDrawRecord { Id = Guid.CreateVersion7(now).ToString(), CaseId = @case.Id, Record = stored.ToJson(), DrawnBy = drawnBy, DrawnAt = now };
        db.Draws.Add(row);
        // The draw reads every active member's features (personal data, if pseudonymous here).
        audit.Changed(AuditActions.CaseDraw, "case", @case.Id, $"Panel of {command.PanelSize} drawn from {snapshot.Count} active members (draw {row.Id})");
        await db.SaveChangesAsync(cancellationToken);
        return (row, stored);
    }

    /// <summary>
    /// Members who took part recently (accepted a panel invitation within <see cref="ConveningOptions.CoolDown"/>):
    /// not eligible, so that the same few are not asked again and again.
    /// </summary>
    private async Task<HashSet<string>> CoolingDownAsync(CancellationToken cancellationToken)
    {
        var since = timeProvider.GetUtcNow() - options.Value.CoolDown;
        return (await db.Invitations.AsNoTracking()
                .Where(i => i.Status == InvitationStatus.Accepted && i.AnsweredAt >= since).Select(i => i.MemberId).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
    }

    public async Task<(PanelDrawRecord Row, StoredDraw Draw)> GetAsync(string id, CaseScope scope, CancellationToken cancellationToken)
    {
        var row = await db.Draws.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (row is not null)
        {
            // The draw is visible exactly when its case is; otherwise it answers like an unknown id.
            try
            {
                await cases.GetAsync(row.CaseId, scope, cancellationToken);
                return (row, StoredDraw.FromJson(row.Record));
            }
            catch (NotFoundException)
            {
            }
        }

        throw new NotFoundException($"No draw has id '{id}'. List the case's draws to find the right id.",
            $"Der findes ingen lodtrækning med id '{id}'. Se sagens lodtrækninger for at finde det rigtige id.");
    }

    public async Task<IReadOnlyList<(PanelDrawRecord Row, StoredDraw Draw)>> ListAsync(string caseId, CaseScope scope, CancellationToken cancellationToken)
    {
        var @case = await cases.GetAsync(caseId, scope, cancellationToken);
        var rows = await db.Draws.AsNoTracking().Where(d => d.CaseId == @case.Id).ToListAsync(cancellationToken);
        return rows.OrderByDescending(r => r.DrawnAt).ThenByDescending(r => r.Id).Select(r => (r, StoredDraw.FromJson(r.Record))).ToList();
    }
}
