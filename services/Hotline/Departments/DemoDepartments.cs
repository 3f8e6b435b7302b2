using Civic.Hosting.DemoData;
using Microsoft.EntityFrameworkCore;

namespace Civic.Hotline.Departments;

/// <summary>A few departments with fictitious directors for the one-machine demo; each added once, by fixed id and code.</summary>
public sealed class DemoDepartments(HotlineDbContext db, TimeProvider timeProvider) : IDemoDataSeeder
{
    private static readonly (string Id, string Code, string Da, string En, string Director, string[] Topics)[] Departments =
    [
        ("0192f0a0-0000-7000-8000-000000000001", "boern-og-unge", "Børn og Unge", "Children and Young People", "Anne Mortensen",
            ["skole", "daginstitution", "PPR", "familier"]),
        ("0192f0a0-0000-7000-8000-000000000002", "aeldre-og-handicap", "Ældre og Handicap", "Elderly and Disabled", "Jens Kristiansen",
            ["hjemmepleje", "plejebolig", "hjælpemidler"]),
        ("0192f0a0-0000-7000-8000-000000000003", "beskaeftigelse", "Job og Beskæftigelse", "Jobs and Employment", "Mette Lund",
            ["jobcenter", "ydelser", "uddannelse"]),
        ("0192f0a0-0000-7000-8000-000000000004", "by-og-land", "By og Land", "City and Countryside", "Søren Holm",
            ["veje", "affald", "byggesager", "natur"]),
        ("0192f0a0-0000-7000-8000-000000000005", "sundhed-og-kultur", "Sundhed og Kultur", "Health and Culture", "Karen Bech",
            ["sundhed", "biblioteker", "idræt", "kultur"]),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var existing = await db.Departments.Select(d => d.Id).ToListAsync(cancellationToken);
        var existingCodes = await db.Departments.Select(d => d.Code).ToListAsync(cancellationToken);
        var now = timeProvider.GetUtcNow();
        foreach (var (id, code, da, en, director, topics) in Departments)
        {
            if (!existing.Contains(id) && !existingCodes.Contains(code))
            {
                db.Departments.Add(new Department
                {
                    Id = id, Code = code, NameDa = da, NameEn = en, DirectorName = director, Topics = [.. topics], CreatedAt = now,
                });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
