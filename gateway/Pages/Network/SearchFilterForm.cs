using System.Globalization;
using Civic.Contracts.Network.V1;
using LanguageMessage = Civic.Contracts.Common.V1.Language;

namespace Civic.Gateway.Pages.Network;

/// <summary>One applied facet filter, as the page lists it with a button that removes it.</summary>
public sealed record AppliedFilter(string Facet, string Value, string Label)
{
    /// <summary>What the filter's remove button posts.</summary>
    public string Key => $"{Facet}|{Value}";
}

/// <summary>
/// The facet filters of the search form: the values ticked per facet (names as the service's facets)
/// and the minimum of available hours. The form posts them with the search words, so a filtered search
/// and its further pages keep the words out of the address, as the search itself does.
/// </summary>
public sealed class SearchFilterForm
{
    public const string Organisation = "organisation";
    public const string Competence = "competence";
    public const string ChallengeArea = "challenge_area";
    public const string Language = "language";
    public const string AvailableHours = "available_hours";

    /// <summary>The facets in the order the page shows them.</summary>
    public static IReadOnlyList<string> Facets { get; } = [Organisation, Competence, ChallengeArea, Language];

    public List<string> Organisations { get; set; } = [];

    public List<string> Competences { get; set; } = [];

    public List<string> ChallengeAreas { get; set; } = [];

    public List<string> Languages { get; set; } = [];

    public int MinHours { get; set; }

    public bool Any => Organisations.Count + Competences.Count + ChallengeAreas.Count + Languages.Count > 0 || MinHours > 0;

    /// <summary>The values ticked for <paramref name="facet"/>.</summary>
    public List<string> Values(string facet) => facet switch
    {
        Organisation => Organisations,
        Competence => Competences,
        ChallengeArea => ChallengeAreas,
        _ => Languages,
    };

    /// <summary>Drops the filter named by an <see cref="AppliedFilter.Key"/>.</summary>
    public void Remove(string? key)
    {
        var parts = key?.Split('|', 2);
        if (parts is not [var facet, var value])
        {
            return;
        }

        if (facet == AvailableHours)
        {
            MinHours = 0;
        }
        else if (Facets.Contains(facet))
        {
            Values(facet).Remove(value);
        }
    }

    public void ApplyTo(SearchResourcePersonsRequest request)
    {
        request.Organisations.AddRange(Organisations.Distinct(StringComparer.Ordinal));
        request.CompetenceIds.AddRange(Competences.Distinct(StringComparer.Ordinal));
        request.ChallengeAreas.AddRange(ChallengeAreas.Distinct(StringComparer.Ordinal));
        request.Languages.AddRange(Languages.Select(ToLanguage).OfType<LanguageMessage>().Distinct());
        request.MinAvailableHours = MinHours;
    }

    /// <summary>The filters applied, each with the label the facets gave its value (or the value itself).</summary>
    public IReadOnlyList<AppliedFilter> Applied(Func<string, string, string> label)
    {
        var applied = Facets.SelectMany(facet => Values(facet).Distinct(StringComparer.Ordinal).Select(value => new AppliedFilter(facet, value, label(facet, value)))).ToList();
        if (MinHours > 0)
        {
            applied.Add(new AppliedFilter(AvailableHours, MinHours.ToString(CultureInfo.InvariantCulture), label(AvailableHours, MinHours.ToString(CultureInfo.InvariantCulture))));
        }

        return applied;
    }

    // The service's language facet values are the domain's names.
    private static LanguageMessage? ToLanguage(string value) => value switch
    {
        "Danish" => LanguageMessage.Danish,
        "English" => LanguageMessage.English,
        "Other" => LanguageMessage.Other,
        _ => null,
    };
}
