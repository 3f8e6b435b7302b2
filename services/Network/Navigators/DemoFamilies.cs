using Civic.Hosting.DemoData;
using Microsoft.EntityFrameworkCore;

namespace Civic.Network.Navigators;

/// <summary>A demo family with its two navigators (Lise Andersen chosen by the family, Sofie Nielsen appointed), added once.</summary>
public sealed class DemoFamilies(NetworkDbContext db, TimeProvider timeProvider) : IDemoDataSeeder
{
    public const string Reference = "FAM-2026-0001";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Families.AnyAsync(f => f.Reference == Reference, cancellationToken))
        {
            return;
        }

        db.Families.Add(new Family
        {
            Reference = Reference,
            Department = "boern-og-unge",
            PrimaryNavigatorId = "0192f0a0-0000-7000-8000-000000000201",
            SecondaryNavigatorId = "0192f0a0-0000-7000-8000-000000000205",
            CreatedAt = timeProvider.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
