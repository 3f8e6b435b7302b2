using Civic.Hosting.DemoData;
using Civic.Panel.Lottery;
using Microsoft.EntityFrameworkCore;

namespace Civic.Panel.Pool;

/// <summary>
/// The demo feature schema (age band, district, household type, lived experience) and 120 volunteers,
/// generated from a fixed seed so every one-machine start has the same pool. Volunteer pools are not
/// representative, so the values are deliberately skewed (many 45–74, few under 30).
/// </summary>
public sealed class DemoPool(PanelDbContext db, TimeProvider timeProvider) : IDemoDataSeeder
{
    public const int Size = 120;

    public static readonly IReadOnlyList<(string Category, (string Value, string Label, int Weight)[] Values)> Schema =
    [
        ("age_band", [("18-29", "18–29 år", 1), ("30-44", "30–44 år", 2), ("45-59", "45–59 år", 3), ("60-74", "60–74 år", 3), ("75+", "75 år og derover", 1)]),
        ("district", [("nord", "Nord", 2), ("syd", "Syd", 3), ("oest", "Øst", 1), ("vest", "Vest", 2), ("midtby", "Midtbyen", 3)]),
        ("household_type", [("alene", "Bor alene", 3), ("par", "Par uden hjemmeboende børn", 3), ("boernefamilie", "Familie med børn", 2), ("enlig-forsoerger", "Enlig forsørger", 1)]),
        ("lived_experience", [("ingen", "Ingen særlig erfaring angivet", 5), ("foraelder-handicap", "Forælder til et barn med handicap", 1), ("paaroerende-aeldre", "Pårørende til en ældre", 2), ("jobcenter", "Egen erfaring med jobcentret", 1)]),
    ];

    private static readonly string[] FirstNames = ["Anne", "Mette", "Hanne", "Lars", "Jens", "Peter", "Sofie", "Mads", "Ida", "Ahmed", "Fatima", "Karen", "Søren", "Emma", "Noah", "Zeynep"];
    private static readonly string[] LastNames = ["Nielsen", "Jensen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen", "Rasmussen", "Yilmaz", "Hussein", "Madsen"];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var schema = await db.FeatureSchema.ToListAsync(cancellationToken);
        foreach (var (category, values) in Schema)
        {
            foreach (var (value, label, _) in values.Where(v => !schema.Any(s => s.Category == category && s.Value == v.Value)))
            {
                db.FeatureSchema.Add(new FeatureSchemaValue { Category = category, Value = value, Label = label });
            }
        }

        var existing = (await db.PoolMembers.Select(m => m.Id).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        db.PoolMembers.AddRange(Members(timeProvider.GetUtcNow()).Where(m => !existing.Contains(m.Id)));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The demo volunteers; every tenth pair shares a household (a couple).</summary>
    public static IEnumerable<PoolMember> Members(DateTimeOffset createdAt)
    {
        var random = new SplitMix64(20261130);
        for (var i = 0; i < Size; i++)
        {
            var first = FirstNames[random.NextIndex(FirstNames.Length)];
            var last = LastNames[random.NextIndex(LastNames.Length)];
            yield return new PoolMember
            {
                Id = $"0192f0a0-0000-7000-8000-{i + 1:D12}",
                Name = $"{first} {last}",
                Email = $"{first.ToLowerInvariant()}.{i + 1}@example.dk",
                HouseholdKey = i % 10 is 0 or 1 ? $"demo-household-{i / 10}" : null,
                Features = Schema.ToDictionary(c => c.Category, c => Pick(c.Values, random), StringComparer.Ordinal),
                Status = PoolMemberStatus.Active,
                CreatedAt = createdAt,
                ConfirmedAt = createdAt,
                Availability = i % 3 == 0 ? "Hverdage efter kl. 16" : "Weekender",
                Languages = i % 7 == 0 ? ["da", "en"] : ["da"],
                ConsentTextVersion = ConsentText.CurrentVersion,
                ConsentScope = ConsentText.Scope,
                ConsentGivenAt = createdAt,
                ConsentExpiresAt = createdAt.AddMonths(24),
            };
        }
    }

    private static string Pick((string Value, string Label, int Weight)[] values, SplitMix64 random)
    {
        var ticket = random.NextIndex(values.Sum(v => v.Weight));
        foreach (var (value, _, weight) in values)
        {
            if (ticket < weight)
            {
                return value;
            }

            ticket -= weight;
        }

        return values[^1].Value;
    }
}
