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
}
