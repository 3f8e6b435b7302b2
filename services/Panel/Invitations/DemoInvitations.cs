using Civic.Hosting.DemoData;
using Civic.Panel.Cases;
using Civic.Panel.Convening;
using Microsoft.EntityFrameworkCore;

namespace Civic.Panel.Invitations;

/// <summary>
/// Invitations for the demo draw in several states: the first drawn member has accepted and the
/// confidentiality terms, the second has accepted only, the third declined (a reserve took the seat),
/// the fourth let the deadline pass (its deadline is moved into the past and the expiry runs, so a reserve
/// took that seat too); the rest are pending. Added once, when the demo case has no invitations.
/// </summary>
public sealed class DemoInvitations(PanelDbContext db, InvitationDesk desk, InvitationLinks links, TimeProvider timeProvider) : IDemoDataSeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!await db.Draws.AnyAsync(d => d.Id == DemoDraw.Id, cancellationToken)
            || await db.Invitations.AnyAsync(i => i.DrawId == DemoDraw.Id, cancellationToken))
        {
            return;
        }

        var sent = await desk.SendAsync(DemoDraw.Id, timeProvider.GetUtcNow().AddDays(7), new CaseScope(null), cancellationToken);
        var drawn = sent.Where(i => i.ReplacesInvitationId is null).OrderBy(i => i.MemberId, StringComparer.Ordinal).ToList();
        await desk.RespondAsync(drawn[0].Id, links.TokenFor(drawn[0].Id), accept: true, cancellationToken);
        await desk.AcceptConfidentialityAsync(drawn[0].Id, links.TokenFor(drawn[0].Id), ConfidentialityTermsText.Version, cancellationToken);
        await desk.RespondAsync(drawn[1].Id, links.TokenFor(drawn[1].Id), accept: true, cancellationToken);
        await desk.RespondAsync(drawn[2].Id, links.TokenFor(drawn[2].Id), accept: false, cancellationToken);
        var late = await db.Invitations.SingleAsync(i => i.Id == drawn[3].Id, cancellationToken);
        late.Deadline = timeProvider.GetUtcNow().AddMinutes(-1);
        await db.SaveChangesAsync(cancellationToken);
        await desk.ExpireAndRefillAsync(cancellationToken);
    }
}
