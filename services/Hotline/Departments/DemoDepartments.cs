using Civic.Hosting.DemoData;
using Microsoft.EntityFrameworkCore;

namespace Civic.Hotline.Departments;

/// <summary>Seven departments with fictitious directors and deputies for the one-machine demo; each added once, by fixed id and code.</summary>
public sealed class DemoDepartments(HotlineDbContext db, TimeProvider timeProvider) : IDemoDataSeeder
{
    private sealed record Demo(string Id, string Code, string Da, string En, string Director, string[] Deputies, string[] Topics, bool TakesUnsure = false);

    private static readonly Demo[] Departments =
    [
        new("0192f0a0-0000-7000-8000-000000000001", "boern-og-unge", "Børn og Unge", "Children and Young People", "Anne Mortensen",
            ["Peter Dahl"], ["skole", "daginstitution", "PPR", "familier"]),
        new("0192f0a0-0000-7000-8000-000000000002", "aeldre-og-handicap", "Ældre og Handicap", "Elderly and Disabled", "Jens Kristiansen",
            ["Lone Skov"], ["hjemmepleje", "plejebolig", "hjælpemidler"]),
        new("0192f0a0-0000-7000-8000-000000000003", "beskaeftigelse", "Job og Beskæftigelse", "Jobs and Employment", "Mette Lund",
            ["Ali Hassan"], ["jobcenter", "ydelser", "uddannelse"]),
        new("0192f0a0-0000-7000-8000-000000000004", "by-og-land", "By og Land", "City and Countryside", "Søren Holm",
            ["Birgitte Vang"], ["veje", "affald", "byggesager", "natur"]),
        new("0192f0a0-0000-7000-8000-000000000005", "sundhed-og-kultur", "Sundhed og Kultur", "Health and Culture", "Karen Bech",
            ["Thomas Friis"], ["sundhed", "biblioteker", "idræt", "kultur"]),
        new("0192f0a0-0000-7000-8000-000000000006", "oekonomi-og-digitalisering", "Økonomi og Digitalisering", "Finance and Digital Services", "Henrik Juul",
            ["Camilla Ravn"], ["skat", "ejendomsskat", "betaling", "digital post", "selvbetjening"]),
        new("0192f0a0-0000-7000-8000-000000000007", "borgerservice", "Borgerservice og Direktion", "Citizen Services and Executive Board", "Lise Kjær",
            ["Morten Bro"], ["borgerservice", "pas", "kørekort", "flytning"], TakesUnsure: true),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var existing = await db.Departments.Select(d => d.Id).ToListAsync(cancellationToken);
        var existingCodes = await db.Departments.Select(d => d.Code).ToListAsync(cancellationToken);
        var now = timeProvider.GetUtcNow();
        foreach (var demo in Departments)
        {
            if (!existing.Contains(demo.Id) && !existingCodes.Contains(demo.Code))
            {
                db.Departments.Add(new Department
                {
                    Id = demo.Id, Code = demo.Code, NameDa = demo.Da, NameEn = demo.En, DirectorName = demo.Director,
                    Topics = [.. demo.Topics], DeputyNames = [.. demo.Deputies], TakesUnsureCitizens = demo.TakesUnsure,
                    ContactEmail = $"{demo.Code}@direktoerlinjen.example.dk", CreatedAt = now,
                });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
