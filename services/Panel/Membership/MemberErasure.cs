using Civic.Hosting.Storage;
using Civic.Panel.Audit;
using Civic.Panel.Pool;
using Microsoft.EntityFrameworkCore;

namespace Civic.Panel.Membership;

/// <summary>
/// Erases a member's personal data: name, contact, household, features, availability, languages and the
/// employee named for assisted consent are cleared, every link is revoked, every message to them is
/// removed from the outbox, and the words of their contributions, synthesis comments and the feedback they
/// were given are emptied (the rows stay, so a case still shows that input was given, each with the same
/// weight, without what may tell who gave it). The member's row stays as anonymous
/// statistics (an id no one can tie to a person, the dates and why they left), so draws recorded earlier
/// still verify and the fairness report still counts them. The caller saves, in one transaction.
/// </summary>
public sealed class MemberErasure(PanelDbContext db, MemberMessages messages, AuditLog audit, TimeProvider timeProvider)
{
    public async Task EraseAsync(PoolMember member, DepartureReason reason, string? actor, CancellationToken cancellationToken)
    {
        member.Name = string.Empty;
        member.Email = string.Empty;
        member.Phone = null;
        member.HouseholdKey = null;
        member.Features = [];
        member.Availability = string.Empty;
        member.Languages = [];
        member.ConsentGivenTo = null;
        member.Status = PoolMemberStatus.Withdrawn;
        member.WithdrawnAt = timeProvider.GetStoredUtcNow();
        member.DepartureReason = reason;
        db.MemberLinks.RemoveRange(await db.MemberLinks.Where(l => l.MemberId == member.Id).ToListAsync(cancellationToken));
        foreach (var contribution in await db.Contributions.Where(c => c.MemberId == member.Id).ToListAsync(cancellationToken))
        {
            contribution.Text = string.Empty;
        }

        foreach (var comment in await db.SynthesisComments.Where(c => c.MemberId == member.Id).ToListAsync(cancellationToken))
        {
            comment.Text = string.Empty;
        }

        foreach (var feedback in await db.Feedback.Where(f => f.MemberId == member.Id).ToListAsync(cancellationToken))
        {
            feedback.Text = string.Empty;
        }

        await messages.ForgetAsync(member.Id, cancellationToken);
        audit.Changed(AuditActions.MemberErase, "member", member.Id, reason switch
        {
            DepartureReason.Withdrew => "The member withdrew",
            DepartureReason.ConsentExpired => "Consent expired and was not renewed",
            _ => "The sign-up was never confirmed",
        }, actor);
    }
}
