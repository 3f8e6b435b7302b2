using Civic.Hosting.DemoData;
using Microsoft.EntityFrameworkCore;

namespace Civic.Network.ResourcePersons;

/// <summary>A few fictitious resource persons for the one-machine demo; each added once, by fixed id.</summary>
public sealed class DemoResourcePersons(NetworkDbContext db, TimeProvider timeProvider) : IDemoDataSeeder
{
    private static readonly (string Id, NewResourcePerson Person)[] People =
    [
        ("0192f0a0-0000-7000-8000-000000000201", new("Lise Andersen", "boern-og-unge",
            ["facilitering", "borgerinddragelse", "dialogmøder"], ["udsatte familier", "ensomhed"],
            [WorkingLanguage.Danish, WorkingLanguage.English], 8, Visibility.Public)),
        ("0192f0a0-0000-7000-8000-000000000202", new("Ahmed Hassan", "beskaeftigelse",
            ["navigation i kommunens tilbud", "tolkning", "mentorforløb"], ["integration", "unge uden job"],
            [WorkingLanguage.Danish, WorkingLanguage.Other], 6, Visibility.Internal)),
        ("0192f0a0-0000-7000-8000-000000000203", new("Birthe Nielsen", "Ældre Sagen Aalborg",
            ["frivillighed", "facilitering af netværk"], ["ensomhed", "pårørende"],
            [WorkingLanguage.Danish], 10, Visibility.Public)),
        ("0192f0a0-0000-7000-8000-000000000204", new("Mikkel Sørensen", "aeldre-og-handicap",
            ["samskabelse", "designtænkning", "procesledelse"], ["hjemmepleje", "velfærdsteknologi"],
            [WorkingLanguage.Danish, WorkingLanguage.English], 4, Visibility.Internal)),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var existing = await db.ResourcePersons.Select(p => p.Id).ToListAsync(cancellationToken);
        var now = timeProvider.GetUtcNow();
        foreach (var (id, person) in People)
        {
            if (!existing.Contains(id))
            {
                db.ResourcePersons.Add(new ResourcePerson
                {
                    Id = id,
                    DisplayName = person.DisplayName,
                    Organisation = person.Organisation,
                    Competences = [.. person.Competences],
                    ChallengeAreas = [.. person.ChallengeAreas],
                    Languages = [.. person.Languages],
                    CapacityHoursPerMonth = person.CapacityHoursPerMonth,
                    Visibility = person.Visibility,
                    CreatedAt = now,
                });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
