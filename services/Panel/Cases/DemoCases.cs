using Civic.Hosting.DemoData;
using Microsoft.EntityFrameworkCore;

namespace Civic.Panel.Cases;

/// <summary>
/// A couple of pseudonymised cases for the one-machine demo; each added once, by fixed id. The first has a complete
/// brief (a panel is drawn for it, see DemoDraw); the second only part of one, so its checklist shows what is missing.
/// </summary>
public sealed class DemoCases(PanelDbContext db, TimeProvider timeProvider) : IDemoDataSeeder
{
    private static readonly NewCaseWithId[] Cases =
    [
        new("0192f0a0-0000-7000-8000-000000000101",
            new("Ensomhed blandt unge i Øst", "Flere unge i bydelen Øst melder om ensomhed efter skoletid. Forvaltningen vil sammen med unge og forældre finde ud af, hvilke fællesskaber der mangler.",
                "boern-og-unge", CoCreationType.Equal),
            "Panelet former, hvilke fællesskaber der afprøves i bydelen; forvaltningen beslutter budgettet og høres om tidsplanen.",
            new("Færre unge i Øst føler sig ensomme efter skoletid, fordi de har fællesskaber, de selv har været med til at forme.",
                ["Mindst to nye fællesskaber er afprøvet inden for et år.", "Flere unge i Øst svarer i trivselsmålingen, at de har nogen at være sammen med efter skole."],
                [new("Unge i bydelen", "Steder og aktiviteter, hvor de har lyst til at komme."), new("Forældre", "Tryghed for, at deres børn ikke er alene."),
                 new("Klubber og foreninger", "Flere medlemmer og lokaler, der bruges.")],
                ["Hvad får unge i Øst til at blive væk fra de fællesskaber, der findes i dag?", "Hvilke to fællesskaber skal afprøves først, og hvor?"])),
        new("0192f0a0-0000-7000-8000-000000000102",
            new("Overgang fra hjemmepleje til plejebolig", "Pårørende oplever overgangen fra hjemmepleje til plejebolig som uoverskuelig. Panelet skal være med til at forme en ny forløbsbeskrivelse.",
                "aeldre-og-handicap", CoCreationType.Steered),
            Scope: "",
            new("En overgang til plejebolig, som borgeren og de pårørende kan overskue fra første samtale til indflytning.",
                [],
                [new("Pårørende", "At vide, hvem de skal spørge, og hvornår der sker noget.")],
                [])),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var existing = await db.Cases.Where(c => Cases.Select(d => d.Id).Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var now = timeProvider.GetUtcNow();
        foreach (var (id, @case, scope, brief) in Cases)
        {
            if (existing.TryGetValue(id, out var seeded))
            {
                // A demo database from before briefs existed gets the demo brief once; one a coordinator has written is kept.
                if (seeded.Purpose.Length == 0 && seeded.SuccessCriteria.Count == 0 && seeded.Stakeholders.Count == 0 && seeded.PanelQuestions.Count == 0)
                {
                    seeded.Apply(brief);
                }

                // Likewise the coordinator, for a demo database from before cases had one.
                if (seeded.CoordinatorSubject.Length == 0)
                {
                    (seeded.CoordinatorSubject, seeded.CoordinatorName) = (DemoCoordinator.Subject, DemoCoordinator.Name);
                }

                continue;
            }

            var added = new Case
            {
                Id = id,
                Title = @case.Title,
                Summary = @case.Summary,
                OwningDepartment = @case.OwningDepartment,
                CoCreationType = @case.CoCreationType,
                Phase = CasePhase.Clarification,
                CreatedAt = now,
                ScopeOfInfluence = scope,
                CoordinatorName = DemoCoordinator.Name,
                CoordinatorSubject = DemoCoordinator.Subject,
            };
            added.Apply(brief);
            db.Cases.Add(added);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    // The development login's coordinator (gateway/Identity/DevelopmentLogin.cs), so the demo shows "your" cases.
    private static readonly CaseEmployee DemoCoordinator = new("demo-koordinator", "Jonas Christensen");

    private sealed record NewCaseWithId(string Id, NewCase Case, string Scope, CaseBrief Brief);
}
