using Civic.Hosting.DemoData;
using Microsoft.EntityFrameworkCore;

namespace Civic.Panel.Cases;

/// <summary>A couple of pseudonymised cases for the one-machine demo; each added once, by fixed id.</summary>
public sealed class DemoCases(PanelDbContext db, TimeProvider timeProvider) : IDemoDataSeeder
{
    private static readonly NewCaseWithId[] Cases =
    [
        new("0192f0a0-0000-7000-8000-000000000101",
            new("Ensomhed blandt unge i Øst", "Flere unge i bydelen Øst melder om ensomhed efter skoletid. Forvaltningen vil sammen med unge og forældre finde ud af, hvilke fællesskaber der mangler.",
                "boern-og-unge", CoCreationType.Equal),
            "Panelet former, hvilke fællesskaber der afprøves i bydelen; forvaltningen beslutter budgettet og høres om tidsplanen."),
        new("0192f0a0-0000-7000-8000-000000000102",
            new("Overgang fra hjemmepleje til plejebolig", "Pårørende oplever overgangen fra hjemmepleje til plejebolig som uoverskuelig. Panelet skal være med til at forme en ny forløbsbeskrivelse.",
                "aeldre-og-handicap", CoCreationType.Steered)),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var existing = await db.Cases.Select(c => c.Id).ToListAsync(cancellationToken);
        var now = timeProvider.GetUtcNow();
        foreach (var (id, @case, scope) in Cases)
        {
            if (!existing.Contains(id))
            {
                db.Cases.Add(new Case
                {
                    Id = id,
                    Title = @case.Title,
                    Summary = @case.Summary,
                    OwningDepartment = @case.OwningDepartment,
                    CoCreationType = @case.CoCreationType,
                    Phase = CasePhase.Clarification,
                    CreatedAt = now,
                    ScopeOfInfluence = scope,
                });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private sealed record NewCaseWithId(string Id, NewCase Case, string Scope = "");
}
