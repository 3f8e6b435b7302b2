using Civic.Hosting.Errors;
using Civic.Panel.Pool;
using Microsoft.EntityFrameworkCore;

namespace Civic.Panel.Invitations;

/// <summary>
/// Who sits on a case's panel: the members who accepted their invitation and are still in the pool. A member
/// who left is off the panel at once, not only when the expiry job next closes their invitation: no feedback
/// is due to someone no one can reach any more.
/// </summary>
public sealed class CasePanel(PanelDbContext db)
{
    public async Task<IReadOnlyList<string>> MemberIdsAsync(string caseId, CancellationToken cancellationToken) =>
        (await Seated(caseId).Select(i => i.MemberId).ToListAsync(cancellationToken)).Order(StringComparer.Ordinal).ToList();

    /// <summary>Throws PERMISSION_DENIED unless <paramref name="memberId"/> accepted an invitation to the case's panel: only members take part.</summary>
    public async Task DemandMemberAsync(string caseId, string memberId, CancellationToken cancellationToken)
    {
        if (!await Seated(caseId).AnyAsync(i => i.MemberId == memberId, cancellationToken))
        {
            throw new PermissionDeniedException(
                $"'{memberId}' is not a member of this case's panel (no accepted invitation); only panel members' contributions are recorded.",
                $"'{memberId}' er ikke medlem af sagens panel (ingen accepteret invitation); kun panelmedlemmers bidrag registreres.");
        }
    }

    private IQueryable<PanelInvitation> Seated(string caseId) =>
        db.Invitations.AsNoTracking().Where(i => i.CaseId == caseId && i.Status == InvitationStatus.Accepted
            && db.PoolMembers.Any(m => m.Id == i.MemberId && m.Status == PoolMemberStatus.Active));
}
