using Civic.Hosting.DemoData;
using Civic.Panel.Cases;
using Civic.Panel.Convening;
using Civic.Panel.Invitations;
using Civic.Panel.Synthesis;
using Microsoft.EntityFrameworkCore;

namespace Civic.Panel.Sessions;

/// <summary>
/// The demo case's work so far: a session held in a culture house and one coming online, a contribution the
/// first member wrote and one the coordinator recorded for the second, and a synthesis open for the members'
/// review. Added once, when the demo case has invitations and no sessions (after the demo invitations).
/// </summary>
public sealed class DemoCaseWork(PanelDbContext db, SessionDesk sessions, SynthesisDesk syntheses, TimeProvider timeProvider) : IDemoDataSeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var caseId = await db.Draws.Where(d => d.Id == DemoDraw.Id).Select(d => d.CaseId).SingleOrDefaultAsync(cancellationToken);
        if (caseId is null || await db.Sessions.AnyAsync(s => s.CaseId == caseId, cancellationToken))
        {
            return;
        }

        var accepted = (await db.Invitations.AsNoTracking().Where(i => i.CaseId == caseId && i.Status == InvitationStatus.Accepted).ToListAsync(cancellationToken))
            .OrderBy(i => i.ConfidentialityAcceptedAt is null).ThenBy(i => i.MemberId, StringComparer.Ordinal).ToList();
        if (accepted.Count < 2)
        {
            return;
        }

        var scope = new CaseScope(null);
        var now = timeProvider.GetUtcNow();
        var held = await sessions.ScheduleAsync(new NewSession(caseId, new DateTimeOffset(now.AddDays(-3).UtcDateTime.Date.AddHours(16), TimeSpan.Zero), PlaceType.CultureHouse, "Kulturhuset Øst, mødelokale 2",
            "1. Velkomst og indflydelsesrum\n2. Hvor mødes unge i Øst efter skole?\n3. Hvilke fællesskaber mangler?"), scope, cancellationToken);
        await sessions.ScheduleAsync(new NewSession(caseId, new DateTimeOffset(now.AddDays(10).UtcDateTime.Date.AddHours(17), TimeSpan.Zero), PlaceType.Online, "Mødelink sendes dagen før",
            "1. Syntesen fra første møde\n2. Hvilke fællesskaber afprøver vi først?"), scope, cancellationToken);
        await sessions.AddByMemberAsync(accepted[0], held.Id,
            "Mange unge hænger ud ved stationen, fordi der ikke er andre steder at være efter kl. 17. Et værested med åbent om aftenen ville hjælpe.", cancellationToken);
        await sessions.RecordAsync(held.Id, accepted[1].MemberId,
            "Som forælder oplever jeg, at foreningerne er for dyre for mange familier. Gratis prøvegange kunne åbne døren.", "demo", scope, cancellationToken);
        await syntheses.SaveDraftAsync(caseId,
            "Panelet peger på to ting: et sted at være om aftenen, og at prisen holder nogle unge ude af foreningslivet. Forslag: et aftenåbent værested i Øst og gratis prøvegange i tre foreninger.",
            scope, cancellationToken);
        await syntheses.OpenReviewAsync(caseId, "Læs syntesen, og skriv, hvis noget mangler, eller hvis vi har misforstået jer.", scope, cancellationToken);
    }
}
