using Civic.Gateway.Ui.Localization;

namespace Civic.Gateway.Pages.Network;

/// <summary>One resource person's profile: confirming it, reporting it as inaccurate, and the reports to resolve.</summary>
public static class ProfileText
{
    public static readonly LocalText Title = new("Profil", "Profile");
    public static readonly LocalText Back = new("Tilbage til søgningen", "Back to the search");
    public static readonly LocalText Unavailable = new(
        "Ressourcenetværket svarer ikke lige nu. Prøv igen om lidt.",
        "The Resource Network is not answering right now. Try again in a moment.");
    public static readonly LocalText RoleLabel = new("Rolle", "Role");
    public static readonly LocalText LanguagesLabel = new("Sprog", "Languages");
    public static readonly LocalText DescriptionLabel = new("Beskrivelse", "Description");
    public static readonly LocalText ConfirmedLabel = new("Senest bekræftet", "Last confirmed");
    public static readonly LocalText Stale = new(
        "Profilen er ikke bekræftet i over 6 måneder. Oplysningerne kan være forældede.",
        "The profile has not been confirmed for more than 6 months. The details may be out of date.");
    public static readonly LocalText NoContactEmail = new(
        "Profilen har ingen e-mailadresse, så anmodninger og påmindelser når ikke frem. Tilføj den under \"Ret profilen\".",
        "The profile has no e-mail address, so requests and reminders do not reach anyone. Add it under \"Edit the profile\".");
    public static readonly LocalText ConfirmHeading = new("Er profilen stadig rigtig?", "Is the profile still accurate?");
    public static readonly LocalText ConfirmHint = new(
        "Bekræft profilen mindst hver 6. måned, så den ikke bliver vist som forældet.",
        "Confirm the profile at least every 6 months, so it is not shown as out of date.");
    public static readonly LocalText ConfirmButton = new("Bekræft, at profilen er rigtig", "Confirm the profile is accurate");
    public static readonly LocalText Confirmed = new("Tak. Profilen er bekræftet.", "Thank you. The profile is confirmed.");
    public static readonly LocalText Saved = new("Profilen er gemt.", "The profile is saved.");
    public static readonly LocalText ReportHeading = new("Er der noget forkert i profilen?", "Is something wrong in the profile?");
    public static readonly LocalText ReasonLabel = new("Hvad er forkert?", "What is wrong?");
    public static readonly LocalText ReasonHint = new(
        "Personen eller netværkets koordinatorer ser din besked og retter profilen. Højst 2.000 tegn. Skriv ikke personoplysninger om borgere.",
        "The person or the network's coordinators see your message and correct the profile. At most 2,000 characters. Do not write personal data about citizens.");
    public static readonly LocalText ReportButton = new("Send indberetning", "Send report");
    public static readonly LocalText Reported = new("Tak. Indberetningen er sendt.", "Thank you. The report has been sent.");
    public static readonly LocalText ProfileLink = new("Se profilen for {0}", "See the profile of {0}");

    public static readonly LocalText ReportsLink = new("Se indberetninger om forkerte profiler", "See reports on inaccurate profiles");
    public static readonly LocalText ReportsTitle = new("Indberetninger om profiler", "Reports on profiles");
    public static readonly LocalText ReportsLead = new(
        "Beskeder om forkerte oplysninger i dine profiler (koordinatorer ser alle). Ret profilen, og afslut indberetningen med, hvad du har gjort.",
        "Messages about wrong details in your profiles (coordinators see all). Correct the profile, and resolve the report with what you did.");
    public static readonly LocalText NoReports = new("Der er ingen åbne indberetninger.", "There are no open reports.");
    public static readonly LocalText ReportedOn = new("Indberettet {0}", "Reported {0}");
    public static readonly LocalText ReportedBy = new("af {0}", "by {0}");
    public static readonly LocalText ResolutionLabel = new("Hvad har du gjort?", "What did you do?");
    public static readonly LocalText ResolveButton = new("Afslut indberetningen", "Resolve the report");
    public static readonly LocalText Resolved = new("Indberetningen er afsluttet.", "The report is resolved.");
}
