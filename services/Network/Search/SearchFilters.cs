using Civic.Network.ResourcePersons;

namespace Civic.Network.Search;

/// <summary>Facet filters: a person passes when they have one of the values of each facet given.</summary>
public sealed record SearchFilters(
    IReadOnlyList<string> Organisations,
    IReadOnlyList<string> CompetenceIds,
    IReadOnlyList<string> ChallengeAreas,
    IReadOnlyList<WorkingLanguage> Languages,
    int MinAvailableHours)
{
    public static SearchFilters None { get; } = new([], [], [], [], 0);

    public bool Accepts(ResourcePerson person, int availableHours) =>
        (Organisations.Count == 0 || Organisations.Contains(person.Organisation, StringComparer.Ordinal))
        && (CompetenceIds.Count == 0 || person.CompetenceIds.Any(id => CompetenceIds.Contains(id, StringComparer.Ordinal) || CompetenceIds.Contains(ParentOf(id), StringComparer.Ordinal)))
        && (ChallengeAreas.Count == 0 || person.ChallengeAreas.Any(a => ChallengeAreas.Contains(a, StringComparer.OrdinalIgnoreCase)))
        && (Languages.Count == 0 || person.Languages.Any(Languages.Contains))
        && availableHours >= MinAvailableHours;

    /// <summary>Names the filter in a page token's scope, so a token only continues the same search.</summary>
    public string Describe() =>
        $"o={string.Join(',', Organisations.Order(StringComparer.Ordinal))};c={string.Join(',', CompetenceIds.Order(StringComparer.Ordinal))};" +
        $"a={string.Join(',', ChallengeAreas.Select(a => a.ToLowerInvariant()).Order(StringComparer.Ordinal))};l={string.Join(',', Languages.Order())};h={MinAvailableHours}";

    private static string ParentOf(string id) => id.Split('.')[0];
}
