using Civic.Gateway.Ui.Localization;

namespace Civic.Gateway.Pages.Network;

/// <summary>The search in the Resource Network.</summary>
public static class NetworkSearchText
{
    public static readonly LocalText Title = new("Søg i netværket", "Search the network");
    public static readonly LocalText Lead = new(
        "Find en ressourceperson efter navn, kompetence eller udfordringsområde.",
        "Find a resource person by name, competence or challenge area.");
    public static readonly LocalText Coming = new(
        "Medarbejdere, der er logget ind, kan bede en ressourceperson om hjælp herfra; personens leder godkender timerne.",
        "Staff who are logged in can ask a resource person for help from here; the person's manager approves the hours.");
    public static readonly LocalText QueryLabel = new("Søgeord", "Search words");
    public static readonly LocalText QueryHint = new(
        "Skriv mindst 2 tegn, fx \"facilitering\" eller \"ensomhed\".",
        "Type at least 2 characters. The profiles are in Danish, for example \"facilitering\" (facilitation) or \"ensomhed\" (loneliness).");
    public static readonly LocalText QueryTooShort = new("Skriv mindst 2 tegn at søge efter.", "Type at least 2 characters to search for.");
    public static readonly LocalText QueryTooLong = new("Søgeordene må højst være 100 tegn.", "The search words can be at most 100 characters.");
    public static readonly LocalText SearchButton = new("Søg", "Search");
    public static readonly LocalText ResultsHeading = new("Resultater", "Results");
    public static readonly LocalText ResultsCountOne = new("1 ressourceperson fundet.", "1 resource person found.");
    public static readonly LocalText ResultsCount = new("{0} ressourcepersoner fundet.", "{0} resource persons found.");
    public static readonly LocalText NoResults = new("Ingen ressourcepersoner passer på søgningen.", "No resource persons match the search.");
    public static readonly LocalText CompetencesLabel = new("Kompetencer", "Competences");
    public static readonly LocalText ChallengeAreasLabel = new("Udfordringsområder", "Challenge areas");
    public static readonly LocalText OrganisationLabel = new("Forvaltning eller organisation", "Department or organisation");
    public static readonly LocalText CapacityLabel = new("Ledig tid til netværket", "Free time for the network");
    public static readonly LocalText CapacityValue = new("{0} timer tilbage denne måned", "{0} hours left this month");
    public static readonly LocalText FiltersHeading = new("Afgræns resultaterne", "Narrow the results");
    public static readonly LocalText FilterButton = new("Vis resultater", "Show results");
    public static readonly LocalText AppliedHeading = new("Valgte filtre", "Filters chosen");
    public static readonly LocalText RemoveFilter = new("Fjern filteret {0}", "Remove the filter {0}");
    public static readonly LocalText FacetValueCount = new("{0} ({1})", "{0} ({1})");
    public static readonly LocalText OrganisationFacet = new("Forvaltning eller organisation", "Department or organisation");
    public static readonly LocalText CompetenceFacet = new("Kompetence", "Competence");
    public static readonly LocalText ChallengeAreaFacet = new("Udfordringsområde", "Challenge area");
    public static readonly LocalText LanguageFacet = new("Sprog", "Language");
    public static readonly LocalText HoursFacet = new("Ledig tid denne måned", "Free time this month");
    public static readonly LocalText AnyHours = new("Uanset ledig tid", "Any free time");
    public static readonly LocalText MinHoursValue = new("Mindst {0} ledige timer", "At least {0} free hours");
    public static readonly LocalText NextPage = new("Næste side", "Next page");
    public static readonly LocalText FirstPage = new("Til første side", "To the first page");
    public static readonly LocalText PageNote = new("Viser {0} af {1}.", "Showing {0} of {1}.");

    public static LocalText FacetName(string facet) => facet switch
    {
        SearchFilterForm.Organisation => OrganisationFacet,
        SearchFilterForm.Competence => CompetenceFacet,
        SearchFilterForm.ChallengeArea => ChallengeAreaFacet,
        SearchFilterForm.Language => LanguageFacet,
        _ => HoursFacet,
    };

    public static LocalText LanguageName(string value) => value switch
    {
        "Danish" => ProfileEditText.Danish,
        "English" => ProfileEditText.English,
        _ => ProfileEditText.OtherLanguage,
    };
}
