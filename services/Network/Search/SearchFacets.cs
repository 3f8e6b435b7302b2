using Civic.Network.ResourcePersons;
using Civic.Network.Taxonomy;

namespace Civic.Network.Search;

/// <summary>How many of the matching people have each value of a facet.</summary>
public sealed record FacetCount(string Facet, string Value, string Label, int Count);

/// <summary>Counts facet values over the people a search matched (after its filters), most frequent first.</summary>
public static class SearchFacets
{
    public const string Organisation = "organisation";
    public const string Competence = "competence";
    public const string ChallengeArea = "challenge_area";
    public const string Language = "language";
    public const string AvailableHours = "available_hours";

    /// <summary>The thresholds of the available-hours facet.</summary>
    public static IReadOnlyList<int> HourThresholds { get; } = [1, 5, 10, 20];

    private const int MaxValuesPerFacet = 20;

    public static IReadOnlyList<FacetCount> Count(IReadOnlyList<SearchHit> hits)
    {
        var facets = new List<FacetCount>();
        facets.AddRange(Top(Organisation, hits.Where(h => h.Person.Organisation.Length > 0).Select(h => h.Person.Organisation), v => v));
        facets.AddRange(Top(Competence, hits.SelectMany(h => h.Person.CompetenceIds.Select(BroadIdOf).Distinct(StringComparer.Ordinal)), v => CompetenceTaxonomy.Find(v)?.Name ?? v));
        facets.AddRange(Top(ChallengeArea, hits.SelectMany(h => h.Person.ChallengeAreas), v => v));
        facets.AddRange(Top(Language, hits.SelectMany(h => h.Person.Languages.Select(l => l.ToString())), LanguageLabel));
        foreach (var threshold in HourThresholds)
        {
            var count = hits.Count(h => h.AvailableHours >= threshold);
            if (count > 0)
            {
                facets.Add(new FacetCount(AvailableHours, threshold.ToString(System.Globalization.CultureInfo.InvariantCulture), $"Mindst {threshold} ledige timer", count));
            }
        }

        return facets;
    }

    private static IEnumerable<FacetCount> Top(string facet, IEnumerable<string> values, Func<string, string> label) =>
        values.GroupBy(v => v, StringComparer.Ordinal)
            .Select(g => new FacetCount(facet, g.Key, label(g.Key), g.Count()))
            .OrderByDescending(f => f.Count)
            .ThenBy(f => f.Value, StringComparer.Ordinal)
            .Take(MaxValuesPerFacet);

    // The taxonomy's own parent link: no string splitting per competence of every match.
    private static string BroadIdOf(string competenceId) => CompetenceTaxonomy.Find(competenceId)?.ParentId ?? competenceId;

    private static string LanguageLabel(string language) => language switch
    {
        nameof(WorkingLanguage.Danish) => "Dansk",
        nameof(WorkingLanguage.English) => "Engelsk",
        _ => "Andre sprog",
    };
}
