using Civic.Gateway.Ui.Localization;

namespace Civic.Gateway.Ui.Text;

/// <summary>The role areas: menu names, and what each holds now and what comes later.</summary>
public static class AreaText
{
    public static readonly LocalText ComingHeading = new("Det kommer her", "Coming here");

    public static readonly LocalText MyContactsNav = new("Mine kontakter", "My contacts");
    public static readonly LocalText MyContactsLead = new(
        "Her får du samlet overblik over dine kontakter med kommunen i Civic.",
        "Here you get one overview of your contacts with the municipality in Civic.");
    public static readonly LocalText MyContactsComing = new(
        "Siden er ikke færdig. Når den er, ser du her dine bookinger hos Direktørlinjen, dine invitationer fra Borgerpanelet og din families navigatører. Lige nu er der ingen oplysninger at vise.",
        "This page is not finished. When it is, you will see your Director Line bookings, your invitations from the Citizens' Panel and your family's navigators here. Right now there is nothing to show.");

    public static readonly LocalText PanelCasesNav = new("Panelsager", "Panel cases");
    public static readonly LocalText PanelCasesLead = new(
        "De særligt svære sager, som Borgerpanelet er eller skal inddrages i, nyeste først. Sagsteksterne er pseudonymiserede. Medarbejdere ser deres egen forvaltnings sager; koordinatorer, direktører og administratorer ser alle.",
        "The particularly difficult cases the Citizens' Panel is or will be involved in, newest first. Case texts are pseudonymised. Staff see their own department's cases; coordinators, directors and administrators see all of them.");
    public static readonly LocalText PanelCasesCaption = new("Nyeste sager", "Newest cases");
    public static readonly LocalText CaseTitleColumn = new("Sag", "Case");
    public static readonly LocalText CaseDepartmentColumn = new("Forvaltning", "Department");
    public static readonly LocalText CaseTypeColumn = new("Samskabelsestype", "Type of co-creation");
    public static readonly LocalText CasePhaseColumn = new("Fase", "Phase");
    public static readonly LocalText PanelCasesEmpty = new("Der er ingen sager endnu.", "There are no cases yet.");
    public static readonly LocalText PanelCasesComing = new(
        "Oprettelse af sager, indkaldelse af paneler og lodtrækning kommer i en senere version. Her kan du indtil da læse sagerne.",
        "Creating cases, convening panels and the draw come in a later version. Until then you can read the cases here.");

    public static readonly LocalText CallListNav = new("Min opkaldsliste", "My call list");
    public static readonly LocalText CallListLead = new(
        "Din liste over borgere, du skal ringe til i din telefontid på Direktørlinjen.",
        "Your list of citizens to call during your Director Line telephone hours.");
    public static readonly LocalText CallListComing = new(
        "Siden er ikke færdig. Opkaldslisten kommer sammen med booking: så ser du her dagens opkald med tidspunkt, emne og særlige behov, og du registrerer, hvordan hvert opkald gik. Lige nu er der ingen opkald at vise.",
        "This page is not finished. The call list comes with booking: you will then see the day's calls here with time, topic and special needs, and record how each call went. Right now there are no calls to show.");

    public static readonly LocalText AdministrationNav = new("Administration", "Administration");
    public static readonly LocalText AdministrationLead = new(
        "Oversigt over de forvaltninger, der er med på Direktørlinjen.",
        "An overview of the departments that take part in the Director Line.");
    public static readonly LocalText AdministrationComing = new(
        "At oprette og rette forvaltninger, telefontider og brugere her kommer i en senere version. Indtil da gøres det gennem kommunens API.",
        "Creating and changing departments, telephone hours and users here comes in a later version. Until then it is done through the municipality's API.");

    public static readonly LocalText JobsHeading = new("Baggrundsjob", "Background jobs");
    public static readonly LocalText JobsLead = new(
        "Hver tjeneste kører baggrundsjob efter en tidsplan. Her kan du se, hvornår de kører, og om de fejler. Oversigterne er på engelsk og kan kun læses.",
        "Each service runs background jobs on a schedule. Here you can see when they run and whether they fail. The overviews are in English and read-only.");
}
