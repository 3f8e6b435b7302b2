using Civic.Panel.Convening;
using Microsoft.EntityFrameworkCore;

namespace Civic.Panel.Membership;

/// <summary>One seat on a drawn panel.</summary>
public sealed record ParticipationRecord(string CaseId, string CaseTitle, string DrawId, DateTimeOffset DrawnAt, string MemberId);

/// <summary>
/// Who sat on which drawn panel, read from the recorded draws (the record of a draw is the source of truth
/// for who was drawn). Used for a member's history and for the fairness report.
/// </summary>
public sealed class ParticipationHistory(PanelDbContext db)
{
    /// <summary>Every panel seat of every draw, oldest draw first.</summary>
    public async Task<IReadOnlyList<(PanelDrawRecord Draw, IReadOnlyList<string> Panel)>> DrawsAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Draws.AsNoTracking().ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.DrawnAt).ThenBy(r => r.Id, StringComparer.Ordinal)
            .Select(r => (r, (IReadOnlyList<string>)StoredDraw.FromJson(r.Record).Result.Panel))
            .ToList();
    }

    /// <summary>The panels <paramref name="memberId"/> was drawn onto, newest first.</summary>
    public async Task<IReadOnlyList<ParticipationRecord>> OfMemberAsync(string memberId, CancellationToken cancellationToken)
    {
        var seats = (await DrawsAsync(cancellationToken)).Where(d => d.Panel.Contains(memberId, StringComparer.Ordinal)).ToList();
        var caseIds = seats.Select(s => s.Draw.CaseId).Distinct().ToList();
        var titles = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Title, cancellationToken);
        return seats.Select(s => new ParticipationRecord(s.Draw.CaseId, titles.GetValueOrDefault(s.Draw.CaseId, string.Empty), s.Draw.Id, s.Draw.DrawnAt, memberId))
            .Reverse().ToList();
    }
}
