using Civic.Hosting.DemoData;
using Civic.Panel.Lottery;
using Civic.Panel.Schema;
using Microsoft.EntityFrameworkCore;

namespace Civic.Panel.Pool;

/// <summary>
/// The demo feature schema (age band, district, household type, lived experience) and 120 volunteers,
/// generated from a fixed seed so every one-machine start has the same pool. Volunteer pools are not
/// representative, so the values are deliberately skewed (many 45–74, few under 30).
/// </summary>
public sealed class DemoPool(PanelDbContext db, FeatureSchemaEditor schemaEditor, TimeProvider timeProvider) : IDemoDataSeeder
{
    public const int Size = 120;

    /// <summary>The demo schema: category key and labels, whether it is the lived-experience category, and values with their weight in the demo pool.</summary>
    public static readonly IReadOnlyList<(string Category, string Label, string LabelEn, bool LivedExperience, (string Value, string Label, string LabelEn, int Weight)[] Values)> Schema =
    [
        ("age_band", "Aldersgruppe", "Age band", false,
            [("18-29", "18–29 år", "18–29 years", 1), ("30-44", "30–44 år", "30–44 years", 2), ("45-59", "45–59 år", "45–59 years", 3), ("60-74", "60–74 år", "60–74 years", 3), ("75+", "75 år og derover", "75 years or over", 1)]),
        ("district", "Bydel", "District", false,
            [("nord", "Nord", "North", 2), ("syd", "Syd", "South", 3), ("oest", "Øst", "East", 1), ("vest", "Vest", "West", 2), ("midtby", "Midtbyen", "City centre", 3)]),
        ("household_type", "Husstand", "Household", false,
            [("alene", "Bor alene", "Lives alone", 3), ("par", "Par uden hjemmeboende børn", "Couple without children at home", 3), ("boernefamilie", "Familie med børn", "Family with children", 2), ("enlig-forsoerger", "Enlig forsørger", "Single parent", 1)]),
        ("lived_experience", "Særlig erfaring", "Lived experience", true,
            [("ingen", "Ingen særlig erfaring angivet", "No particular experience given", 5), ("foraelder-handicap", "Forælder til et barn med handicap", "Parent of a child with a disability", 1),
             ("paaroerende-aeldre", "Pårørende til en ældre", "Relative of an older person", 2), ("jobcenter", "Egen erfaring med jobcentret", "Own experience with the job centre", 1)]),
    ];

    /// <summary>Adds the demo categories the schema does not have yet, through the same checks an administrator's change goes through.</summary>
    public static async Task SeedSchemaAsync(FeatureSchemaEditor editor, CancellationToken cancellationToken)
    {
        foreach (var (category, label, labelEn, livedExperience, values) in Schema)
        {
            var current = await editor.ReadAsync(cancellationToken);
            if (current.Schema.Categories.Any(c => c.Category == category))
            {
                continue;
            }

            await editor.AddCategoryAsync(new FeatureSchemaChangeRequest(current.Etag, "Demo data", ValidateOnly: false), category, label, labelEn, livedExperience,
                values.Select(v => new NewFeatureValueSpec(v.Value, v.Label, v.LabelEn)).ToList(), cancellationToken);
        }
    }

    private static readonly string[] FirstNames = ["Anne", "Mette", "Hanne", "Lars", "Jens", "Peter", "Sofie", "Mads", "Ida", "Ahmed", "Fatima", "Karen", "Søren", "Emma", "Noah", "Zeynep"];
    private static readonly string[] LastNames = ["Nielsen", "Jensen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen", "Rasmussen", "Yilmaz", "Hussein", "Madsen"];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await SeedSchemaAsync(schemaEditor, cancellationToken);
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

    private static string Pick((string Value, string Label, string LabelEn, int Weight)[] values, SplitMix64 random)
    {
        var ticket = random.NextIndex(values.Sum(v => v.Weight));
        foreach (var (value, _, _, weight) in values)
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
