using Civic.Hosting.Errors;
using Microsoft.EntityFrameworkCore;

namespace Civic.Panel.Invitations;

/// <summary>Who sits on a case's panel: the members who accepted their invitation.</summary>
public sealed class CasePanel(PanelDbContext db)
{
    public async Task<IReadOnlyList<string>> MemberIdsAsync(string caseId, CancellationToken cancellationToken) =>
        (await db.Invitations.AsNoTracking().Where(i => i.CaseId == caseId && i.Status == InvitationStatus.Accepted).Select(i => i.MemberId).ToListAsync(cancellationToken))
            .Order(StringComparer.Ordinal).ToList();

    /// <summary>Throws PERMISSION_DENIED unless <paramref name="memberId"/> accepted an invitation to the case's panel: only members take part.</summary>
    public async Task DemandMemberAsync(string caseId, string memberId, CancellationToken cancellationToken)
    {
        if (!await db.Invitations.AnyAsync(i => i.CaseId == caseId && i.MemberId == memberId && i.Status == InvitationStatus.Accepted, cancellationToken))
        {
            throw new PermissionDeniedException(
                $"'{memberId}' is not a member of this case's panel (no accepted invitation); only panel members' contributions are recorded.",
                $"'{memberId}' er ikke medlem af sagens panel (ingen accepteret invitation); kun panelmedlemmers bidrag registreres.");
        }
    }
}
