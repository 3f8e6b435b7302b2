using Civic.Contracts.Network.V1;
using Civic.Gateway.Ui.Localization;

namespace Civic.Gateway.Pages.Network;

/// <summary>The profile edit form.</summary>
public static class ProfileEditText
{
    public static readonly LocalText Title = new("Ret profilen", "Edit the profile");
    public static readonly LocalText EditLink = new("Ret profilen", "Edit the profile");
    public static readonly LocalText Lead = new(
        "Ret det, der er forkert eller mangler. Når du gemmer, er profilen også bekræftet som rigtig.",
        "Correct what is wrong or missing. Saving also confirms the profile as accurate.");
    public static readonly LocalText BackToProfile = new("Tilbage til profilen", "Back to the profile");
    public static readonly LocalText DisplayNameLabel = new("Navn", "Name");
    public static readonly LocalText OrganisationLabel = new("Forvaltning eller organisation", "Department or organisation");
    public static readonly LocalText OrganisationHint = new(
        "Forvaltningens kode, fx boern-og-unge, eller navnet på foreningen.",
        "The department's code, for example boern-og-unge, or the name of the association.");
    public static readonly LocalText CompetencesHeading = new("Kompetencer", "Competences");
    public static readonly LocalText CompetencesHint = new(
        "Vælg fra kommunens liste over kompetencer. Hver kompetence findes også for en bestemt målgruppe.",
        "Choose from the municipality's list of competences. Each competence also exists for a particular target group.");
    public static readonly LocalText GeneralCompetence = new("{0} (generelt)", "{0} (in general)");
    public static readonly LocalText OtherCompetencesLabel = new("Andre kompetencer", "Other competences");
    public static readonly LocalText OtherCompetencesHint = new(
        "Kompetencer, som ikke er på listen. Én pr. linje. En administrator kan senere føje dem til listen.",
        "Competences that are not on the list. One per line. An administrator can add them to the list later.");
    public static readonly LocalText ChallengeAreasLabel = new("Udfordringsområder", "Challenge areas");
    public static readonly LocalText ServicesLabel = new("Kommunale tilbud, du kender godt", "Municipal services you know well");
    public static readonly LocalText ServicesHint = new(
        "Vælg de områder, hvor du kender kommunens tilbud. Områderne er hovedgrupper i KL's emnesystematik.",
        "Choose the areas where you know the municipality's services. The areas are main groups of KL's subject classification (KLE).");
    public static readonly LocalText OtherServicesLabel = new("Andre tilbud", "Other services");
    public static readonly LocalText OtherServicesHint = new(
        "Tilbud, som ikke hører under et af områderne. Én pr. linje, fx Pas og kørekort.",
        "Services that belong to none of the areas. One per line, for example Pas og kørekort (passports and driving licences).");
    public static readonly LocalText LanguagesLabel = new("Sprog, du kan arbejde på", "Languages you can work in");
    public static readonly LocalText Danish = new("Dansk", "Danish");
    public static readonly LocalText English = new("Engelsk", "English");
    public static readonly LocalText OtherLanguage = new("Andre sprog", "Other languages");
    public static readonly LocalText CapacityLabel = new("Timer om måneden til netværket", "Hours a month for the network");
    public static readonly LocalText CapacityHint = new(
        "Det antal timer, din leder har afsat. Mellem 0 og 160.",
        "The number of hours your manager has set aside. Between 0 and 160.");
    public static readonly LocalText CapacityNotANumber = new("Skriv antallet af timer som et helt tal, fx 8.", "Write the number of hours as a whole number, for example 8.");
    public static readonly LocalText ManagerLabel = new("Leder (bruger-id)", "Manager (user id)");
    public static readonly LocalText ManagerHint = new(
        "Lederen godkender de timer, du bruger på opgaver i netværket.",
        "The manager approves the hours you spend on tasks in the network.");
    public static readonly LocalText ContactEmailLabel = new("Din arbejdsmail", "Your work e-mail");
    public static readonly LocalText ContactEmailHint = new(
        "Hertil sender vi anmodninger, påmindelser og beder dig bekræfte profilen. Vises aldrig for borgere og samarbejdspartnere.",
        "Requests, reminders and the request to confirm your profile are sent here. Never shown to citizens and partners.");
    public static readonly LocalText ManagerEmailLabel = new("Lederens arbejdsmail", "Your manager's work e-mail");
    public static readonly LocalText ManagerEmailHint = new(
        "Hertil sender vi timer, der venter på lederens godkendelse.",
        "Hours waiting for your manager's approval are sent here.");
    public static readonly LocalText DescriptionHint = new("Hvad kan du hjælpe med? Højst 2.000 tegn.", "What can you help with? At most 2,000 characters.");
    public static readonly LocalText VisibilityLabel = new("Hvem må se profilen?", "Who may see the profile?");
    public static readonly LocalText Internal = new("Kun kommunens medarbejdere", "Only the municipality's staff");
    public static readonly LocalText Public = new("Også borgere og samarbejdspartnere", "Also citizens and partners");
    public static readonly LocalText PublicFieldsLabel = new("Hvad må borgere og samarbejdspartnere se?", "What may citizens and partners see?");
    public static readonly LocalText PublicFieldsHint = new(
        "Gælder kun, hvis profilen også er for borgere og samarbejdspartnere. Navnet vises altid; lederen vises aldrig.",
        "Only applies if the profile is also for citizens and partners. The name is always shown; the manager never is.");
    public static readonly LocalText OptInLabel = new("Jeg vil gerne findes i søgningen og bedes om hjælp", "I want to be found in the search and asked for help");
    public static readonly LocalText SaveButton = new("Gem profilen", "Save the profile");

    public static LocalText LanguageName(Civic.Contracts.Common.V1.Language language) => language switch
    {
        Civic.Contracts.Common.V1.Language.Danish => Danish,
        Civic.Contracts.Common.V1.Language.English => English,
        _ => OtherLanguage,
    };

    public static LocalText FieldName(ProfileField field) => field switch
    {
        ProfileField.Organisation => OrganisationLabel,
        ProfileField.Role => ProfileText.RoleLabel,
        ProfileField.Competences => CompetencesHeading,
        ProfileField.ChallengeAreas => ChallengeAreasLabel,
        ProfileField.ServicesKnown => ServicesLabel,
        ProfileField.Languages => ProfileText.LanguagesLabel,
        ProfileField.Capacity => CapacityLabel,
        _ => ProfileText.DescriptionLabel,
    };
}
