using Civic.Hosting.Errors;
using Civic.Hosting.Storage;
using Civic.Panel.Audit;
using Civic.Panel.Cases;
using Civic.Panel.Convening;
using Civic.Panel.Pool;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Civic.Panel.Invitations;

/// <summary>
/// Sends a panel's invitations, takes the members' answers through their links, and refills seats from the reserves.
/// Each change is audited; a member's own answer names the member as the actor.
/// </summary>
public sealed class InvitationDesk(
    PanelDbContext db, PanelConvener convener, CaseRegistry cases, InvitationLinks links, InvitationMessages messages, AuditLog audit,
    IOptions<InvitationOptions> options, TimeProvider timeProvider)
{
    /// <summary>Invites every drawn member who is still active; a withdrawn one's seat goes straight to a reserve.</summary>
    public async Task<IReadOnlyList<PanelInvitation>> SendAsync(string drawId, DateTimeOffset? deadline, CaseScope scope, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetStoredUtcNow();
        InvitationRules.ValidateDeadline(deadline, now, options.Value);
        var (row, draw) = await convener.GetAsync(drawId, scope, cancellationToken);
        var @case = await cases.GetAsync(row.CaseId, scope, cancellationToken);
        if (CasePhases.PastCoCreation.Contains(@case.Phase))
        {
            throw new FailedPreconditionException("The case is past the co-creation phases; a panel is no longer invited.",
                "Sagen er forbi samskabelsesfaserne; der inviteres ikke længere et panel.");
        }

        if (await db.Invitations.AnyAsync(i => i.CaseId == @case.Id, cancellationToken))
        {
            throw new FailedPreconditionException("The case's panel has been invited already; see its invitations.",
                "Sagens panel er allerede inviteret; se invitationerne.");
        }

        var active = await ActiveMemberIdsAsync(cancellationToken);
        var invitations = new List<PanelInvitation>();
        foreach (var memberId in draw.Result.Panel)
        {
            var invitation = New(row.CaseId, row.Id, memberId, now, deadline!.Value, null);
            invitation.Status = active.Contains(memberId) ? InvitationStatus.Pending : InvitationStatus.Withdrawn;
            invitations.Add(invitation);
        }

        foreach (var withdrawn in invitations.Where(i => i.Status == InvitationStatus.Withdrawn).ToList())
        {
            Refill(draw, invitations, withdrawn, active, now, deadline!.Value);
        }

        db.Invitations.AddRange(invitations);
        var left = invitations.Count(i => i.Status == InvitationStatus.Withdrawn);
        audit.Changed(AuditActions.CaseInvite, "case", @case.Id,
            $"The panel of draw {row.Id} was invited: {invitations.Count - left} invitations sent" + (left == 0 ? "" : $", {left} drawn members no longer in the pool"));
        await messages.QueueAsync(invitations, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return invitations;
    }

    public async Task<IReadOnlyList<PanelInvitation>> ListAsync(string caseId, CaseScope scope, CancellationToken cancellationToken)
    {
        var @case = await cases.GetAsync(caseId, scope, cancellationToken);
        var rows = await db.Invitations.AsNoTracking().Where(i => i.CaseId == @case.Id).ToListAsync(cancellationToken);
        return rows.OrderBy(i => i.SentAt).ThenBy(i => i.MemberId, StringComparer.Ordinal).ToList();
    }

    /// <summary>The invitation behind a link; NOT_FOUND for an unknown id or a token that does not match.</summary>
    public async Task<PanelInvitation> OpenAsync(string invitationId, string token, CancellationToken cancellationToken)
    {
        InvitationRules.ValidateLink(invitationId, token);
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.Id == invitationId, cancellationToken);
        return invitation is not null && InvitationLinks.Matches(token.Trim(), invitation.TokenHash) ? invitation : throw InvitationRules.UnknownLink();
    }

    /// <summary>The member's answer; a decline hands the seat to the next fitting reserve at once.</summary>
    public async Task<PanelInvitation> RespondAsync(string invitationId, string token, bool accept, CancellationToken cancellationToken)
    {
        var invitation = await OpenAsync(invitationId, token, cancellationToken);
        var now = timeProvider.GetStoredUtcNow();
        InvitationRules.EnsureAnswerable(invitation, now);
        if (!(await ActiveMemberIdsAsync(cancellationToken)).Contains(invitation.MemberId))
        {
            throw InvitationRules.Withdrawn();
        }

        invitation.Status = accept ? InvitationStatus.Accepted : InvitationStatus.Declined;
        invitation.AnsweredAt = now;
        IReadOnlySet<string> notRefilled = accept ? new HashSet<string>() : await RefillAsync([invitation], now, cancellationToken);

        audit.Changed(AuditActions.CaseInvitationAnswer, "case", invitation.CaseId,
            accept ? $"Member {invitation.MemberId} accepted invitation {invitation.Id}" : $"Member {invitation.MemberId} declined invitation {invitation.Id}; {SeatOutcome(invitation, notRefilled)}",
            invitation.MemberId);
        await db.SaveChangesAsync(cancellationToken);
        return invitation;
    }

    public async Task<PanelInvitation> AcceptConfidentialityAsync(string invitationId, string token, string termsVersion, CancellationToken cancellationToken)
    {
        var invitation = await OpenAsync(invitationId, token, cancellationToken);
        if (invitation.Status != InvitationStatus.Accepted)
        {
            throw new FailedPreconditionException("Accept the invitation first; the confidentiality terms come with a seat on the panel.",
                "Tak først ja til invitationen; tavshedspligten hører til en plads i panelet.");
        }

        if (!string.Equals(termsVersion.Trim(), ConfidentialityTermsText.Version, StringComparison.Ordinal))
        {
            throw new ValidationException("terms_version",
                $"The confidentiality terms have version '{ConfidentialityTermsText.Version}'; read the current terms and accept those.",
                $"Tavshedspligten har versionen '{ConfidentialityTermsText.Version}'; læs den gældende tekst, og accepter den.");
        }

        // Accepting again changes nothing: the first acceptance is the one on record.
        if (invitation.ConfidentialityAcceptedAt is null)
        {
            invitation.ConfidentialityAcceptedAt = timeProvider.GetStoredUtcNow();
            invitation.ConfidentialityVersion = ConfidentialityTermsText.Version;
            audit.Changed(AuditActions.CaseConfidentiality, "case", invitation.CaseId,
                $"Member {invitation.MemberId} accepted the confidentiality terms {ConfidentialityTermsText.Version} (invitation {invitation.Id})", invitation.MemberId);
            await db.SaveChangesAsync(cancellationToken);
        }

        return invitation;
    }

    /// <summary>
    /// Expires unanswered invitations past their deadline and closes those of members who withdrew from the
    /// pool, refilling each seat from the reserves while the case is still in its co-creation phases.
    /// Idempotent: a second run finds nothing left to do.
    /// </summary>
    public async Task<int> ExpireAndRefillAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetStoredUtcNow();
        var active = await ActiveMemberIdsAsync(cancellationToken);
        var open = await db.Invitations.Where(i => i.Status == InvitationStatus.Pending || i.Status == InvitationStatus.Accepted).ToListAsync(cancellationToken);
        var leaving = new List<PanelInvitation>();
        foreach (var invitation in open)
        {
            if (!active.Contains(invitation.MemberId))
            {
                invitation.Status = InvitationStatus.Withdrawn;
                leaving.Add(invitation);
            }
            else if (invitation.Status == InvitationStatus.Pending && invitation.Deadline <= now)
            {
                invitation.Status = InvitationStatus.Expired;
                invitation.AnsweredAt = now;
                leaving.Add(invitation);
            }
        }

        if (leaving.Count == 0)
        {
            return 0;
        }

        var notRefilled = await RefillAsync(leaving, now, cancellationToken);
        foreach (var invitation in leaving)
        {
            var closed = invitation.Status == InvitationStatus.Expired ? "expired unanswered" : "was closed: the member left the pool";
            audit.Changed(AuditActions.CaseInvitationClose, "case", invitation.CaseId,
                $"Invitation {invitation.Id} of member {invitation.MemberId} {closed}; {SeatOutcome(invitation, notRefilled)}", AuditActors.System);
        }

        await db.SaveChangesAsync(cancellationToken);
        return leaving.Count;
    }

    /// <summary>What became of a given-up seat, without naming the reserve (the entry may be shown to the member who left).</summary>
    private static string SeatOutcome(PanelInvitation leaving, IReadOnlySet<string> notRefilledCases) =>
        notRefilledCases.Contains(leaving.CaseId) ? "the case is past the co-creation phases, so no reserve is invited"
        : leaving.SeatUnfilled ? "no reserve fits the quotas, so the seat is left unfilled"
        : "the seat went to the next fitting reserve";

    /// <summary>
    /// Invites the next fitting reserve to each given-up seat, except on cases past the co-creation phases, where a
    /// panel is no longer invited (as in <see cref="SendAsync"/>) and the seat stays given up. Returns those cases' ids.
    /// </summary>
    private async Task<IReadOnlySet<string>> RefillAsync(List<PanelInvitation> leaving, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var caseIds = leaving.Select(i => i.CaseId).Distinct().ToList();
        var finished = (await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id) && CasePhases.PastCoCreation.Contains(c.Phase))
            .Select(c => c.Id).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var refilling = leaving.Where(i => !finished.Contains(i.CaseId)).ToList();
        if (refilling.Count == 0)
        {
            return finished;
        }

        var active = await ActiveMemberIdsAsync(cancellationToken);
        foreach (var group in refilling.GroupBy(i => i.DrawId, StringComparer.Ordinal))
        {
            var drawRow = await db.Draws.AsNoTracking().SingleAsync(d => d.Id == group.Key, cancellationToken);
            var draw = StoredDraw.FromJson(drawRow.Record);
            var drawInvitations = await db.Invitations.Where(i => i.DrawId == group.Key).ToListAsync(cancellationToken);
            foreach (var invitation in group)
            {
                var replacement = Refill(draw, drawInvitations, drawInvitations.Single(i => i.Id == invitation.Id), active, now, now + options.Value.ReplacementResponseTime);
                if (replacement is not null)
                {
                    db.Invitations.Add(replacement);
                    await messages.QueueAsync([replacement], now, cancellationToken);
                }
            }
        }

        return finished;
    }

    /// <summary>Adds the replacement for <paramref name="leaving"/> to <paramref name="drawInvitations"/> and returns it, or marks the seat unfilled.</summary>
    private PanelInvitation? Refill(StoredDraw draw, List<PanelInvitation> drawInvitations, PanelInvitation leaving, IReadOnlySet<string> active, DateTimeOffset now, DateTimeOffset deadline)
    {
        var next = SeatReplacement.NextMember(draw, drawInvitations, leaving, active);
        if (next is null)
        {
            leaving.SeatUnfilled = true;
            return null;
        }

        var replacement = New(leaving.CaseId, leaving.DrawId, next, now, deadline, leaving.Id);
        drawInvitations.Add(replacement);
        return replacement;
    }

    private PanelInvitation New(string caseId, string drawId, string memberId, DateTimeOffset now, DateTimeOffset deadline, string? replaces)
    {
        var id = Guid.CreateVersion7(now).ToString();
        return new PanelInvitation
        {
            Id = id,
            CaseId = caseId,
            DrawId = drawId,
            MemberId = memberId,
            TokenHash = InvitationLinks.Hash(links.TokenFor(id)),
            Status = InvitationStatus.Pending,
            SentAt = now,
            Deadline = deadline,
            ReplacesInvitationId = replaces,
        };
    }

    private async Task<HashSet<string>> ActiveMemberIdsAsync(CancellationToken cancellationToken) =>
        (await db.PoolMembers.AsNoTracking().Where(m => m.Status == PoolMemberStatus.Active).Select(m => m.Id).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
}
