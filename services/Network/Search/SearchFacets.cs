using Civic.Network.ResourcePersons;
using Civic.Network.Taxonomy;

namespace Civic.Network.Search;

/// <summary>How many of the matching people have each value of a facet.</summary>
public sealed record FacetCount(string Facet, string Value, string Label, int Count);

/// <summary>
/// Counts facet values over the people a search matched (after its filters): per facet the most frequent
/// first (ties by value), at most <see cref="MaxValuesPerFacet"/>; the available-hours facet per threshold.
/// </summary>
public static class SearchFacets
{
    public const string Organisation = "organisation";
    public const string Competence = "competence";
    public const string ChallengeArea = "challenge_area";
    public const string Language = "language";
    public const string AvailableHours = "available_hours";

    /// <summary>The thresholds of the available-hours facet.</summary>
    public static IReadOnlyList<int> HourThresholds { get; } = [1, 5, 10, 20];

    public const int MaxValuesPerFacet = 20;

    private static readonly string[] Order = [Organisation, Competence, ChallengeArea, Language, AvailableHours];

    /// <summary>The facets of <paramref name="hits"/>, counted here.</summary>
    public static IReadOnlyList<FacetCount> Count(IReadOnlyList<SearchHit> hits) =>
        Arrange(
            hits.Where(h => h.Person.Organisation.Length > 0).Select(h => (Organisation, h.Person.Organisation))
                .Concat(hits.SelectMany(h => BroadIds(h.Person.CompetenceIds).Select(id => (Competence, id))))
                .Concat(hits.SelectMany(h => h.Person.ChallengeAreas.Select(a => (ChallengeArea, a))))
                .Concat(hits.SelectMany(h => h.Person.Languages.Select(l => (Language, l.ToString()))))
                .GroupBy(v => v)
                .Select(g => (g.Key.Item1, g.Key.Item2, g.Count()))
                .Concat(HourThresholds.Select(t => (AvailableHours, t.ToString(System.Globalization.CultureInfo.InvariantCulture), hits.Count(h => h.AvailableHours >= t)))));

    /// <summary>
    /// Labels and orders facet values counted elsewhere (the database): the facets in a fixed order, values by
    /// count then value, at most <see cref="MaxValuesPerFacet"/> each, hour thresholds ascending and only those someone reaches.
    /// </summary>
    public static IReadOnlyList<FacetCount> Arrange(IEnumerable<(string Facet, string Value, int Count)> counts) =>
        counts.Where(c => c.Count > 0)
            .GroupBy(c => c.Facet)
            .OrderBy(g => Array.IndexOf(Order, g.Key))
            .SelectMany(g => g.Key == AvailableHours
                ? g.OrderBy(c => int.Parse(c.Value, System.Globalization.CultureInfo.InvariantCulture))
                : g.OrderByDescending(c => c.Count).ThenBy(c => c.Value, StringComparer.Ordinal).Take(MaxValuesPerFacet))
            .Select(c => new FacetCount(c.Facet, c.Value, Label(c.Facet, c.Value), c.Count))
            .ToList();

    /// <summary>The broad competences (the taxonomy's parents) of <paramref name="competenceIds"/>, each once.</summary>
    public static IEnumerable<string> BroadIds(IEnumerable<string> competenceIds) =>
        competenceIds.Select(id => CompetenceTaxonomy.Find(id)?.ParentId ?? id).Distinct(StringComparer.Ordinal);

    private static string Label(string facet, string value) => facet switch
    {
        Competence => CompetenceTaxonomy.Find(value)?.Name ?? value,
        Language => value switch
        {
            nameof(WorkingLanguage.Danish) => "Dansk",
            nameof(WorkingLanguage.English) => "Engelsk",
            _ => "Andre sprog",
        },
        AvailableHours => $"Mindst {value} ledige timer",
        _ => value,
    };
}
