using Civic.Gateway.Ui.Localization;

namespace Civic.Gateway.Pages.Panel;

/// <summary>Borgerpanelet's pages: what the panel is, and the panel cases.</summary>
public static class PanelText
{
    public static readonly LocalText Lead = new(
        "Borgerpanelet er en fast gruppe af frivillige borgere. Når kommunen står med en særlig svær sag, sætter vi et lille panel sammen, som er med fra starten.",
        "The Citizens' Panel is a standing group of volunteer citizens. When the municipality faces a particularly difficult case, we put together a small panel that takes part from the start.");
    public static readonly LocalText DrawHeading = new("Sådan bliver et panel sat sammen", "How a panel is put together");
    public static readonly LocalText Draw = new(
        "Panelet trækkes ved lodtrækning blandt dem, der har meldt sig. Lodtrækningen sørger for, at panelet bliver alsidigt – fx i alder, bydel og livserfaring – og at alle får så lige en chance som muligt for at komme med. Alle kan efterprøve lodtrækningen bagefter.",
        "The panel is drawn by lottery among those who have signed up. The lottery makes the panel varied – for example in age, district and life experience – and gives everyone as equal a chance as possible of being chosen. Anyone can check the draw afterwards.");
    public static readonly LocalText ForYouHeading = new("Det betyder det for dig", "What it means for you");
    public static readonly LocalText EqualVoice = new("Din stemme vejer lige så meget som de professionelles.", "Your voice weighs as much as the professionals'.");
    public static readonly LocalText Influence = new(
        "Før vi går i gang, får du at vide, hvad panelet bestemmer eller former, og hvad vi kun spørger om.",
        "Before we start, you are told what the panel decides or shapes and what we are only asking about.");
    public static readonly LocalText Confidentiality = new("Du har tavshedspligt om oplysningerne i sagen.", "You must keep the information in the case confidential.");
    public static readonly LocalText Feedback = new("Du får at vide, hvad dit input blev til.", "You are told what became of your input.");
    public static readonly LocalText JoinHeading = new("Vil du være med?", "Do you want to take part?");
    public static readonly LocalText Join = new(
        "Alle over 18 år, der bor i kommunen, kan melde sig. Du behøver ingen konto: du udfylder en kort formular og bekræfter via et link i en e-mail. Du kan altid se, hente og slette dine oplysninger.",
        "Anyone over 18 who lives in the municipality can sign up. You need no account: you fill in a short form and confirm through a link in an e-mail. You can always see, download and erase your information.");
    public static readonly LocalText CasesLead = new(
        "De særligt svære sager, som Borgerpanelet er eller skal inddrages i, nyeste først. Sagsteksterne er pseudonymiserede. Medarbejdere ser deres egen forvaltnings sager; koordinatorer, direktører og administratorer ser alle.",
        "The particularly difficult cases the Citizens' Panel is or will be involved in, newest first. Case texts are pseudonymised. Staff see their own department's cases; coordinators, directors and administrators see all of them.");
    public static readonly LocalText CasesCaption = new("Nyeste sager", "Newest cases");
    public static readonly LocalText CaseTitleColumn = new("Sag", "Case");
    public static readonly LocalText CaseDepartmentColumn = new("Forvaltning", "Department");
    public static readonly LocalText CaseTypeColumn = new("Samskabelsestype", "Type of co-creation");
    public static readonly LocalText CasePhaseColumn = new("Fase", "Phase");
    public static readonly LocalText CasesEmpty = new("Der er ingen sager endnu.", "There are no cases yet.");
    public static readonly LocalText CaseCoordinatorColumn = new("Koordinator", "Coordinator");
    public static readonly LocalText NewCaseHeading = new("Opret en sag", "Open a case");
    public static readonly LocalText NewCaseLead = new(
        "En ny sag starter i afklaringsfasen. Skriv titel og resumé uden navne og CPR-numre: sagsteksterne vises for panelets medlemmer.",
        "A new case starts in the clarification phase. Write the title and summary without names or CPR numbers: the case texts are shown to the panel's members.");
    public static readonly LocalText NewCaseTitle = new("Titel", "Title");
    public static readonly LocalText NewCaseTitleHint = new("Kort og pseudonymiseret, fx \"Ensomhed blandt unge i Nordbyen\".", "Short and pseudonymised, e.g. \"Loneliness among young people in Nordbyen\".");
    public static readonly LocalText NewCaseSummary = new("Resumé", "Summary");
    public static readonly LocalText NewCaseSummaryHint = new("Hvad sagen handler om, og hvorfor den er svær.", "What the case is about, and why it is difficult.");
    public static readonly LocalText NewCaseDepartment = new("Ansvarlig forvaltning", "Owning department");
    public static readonly LocalText NewCaseChooseDepartment = new("Vælg forvaltning", "Choose a department");
    public static readonly LocalText NewCaseNoDepartments = new(
        "Forvaltningerne kan ikke hentes lige nu, så sagen kan ikke oprettes. Prøv igen om lidt.",
        "The departments cannot be fetched right now, so the case cannot be opened. Try again shortly.");
    public static readonly LocalText NewCaseType = new("Samskabelsestype", "Co-creation type");
    public static readonly LocalText NewCaseTypeLater = new("Ikke fastlagt endnu", "Not decided yet");
    public static readonly LocalText NewCaseCreate = new("Opret sag", "Open the case");
    public static readonly LocalText NewCaseUnavailable = new("Sagen kunne ikke oprettes lige nu. Prøv igen om lidt.", "The case could not be opened right now. Try again shortly.");

    public static LocalText TypeHint(Civic.Contracts.Panel.V1.CoCreationType type) => type switch
    {
        Civic.Contracts.Panel.V1.CoCreationType.Equal => new("Kommune og borgere som ligeværdige.", "Municipality and citizens as equals."),
        Civic.Contracts.Panel.V1.CoCreationType.Steered => new("Kommunen styrer mod et fastlagt resultat.", "The municipality steers towards a fixed outcome."),
        Civic.Contracts.Panel.V1.CoCreationType.Facilitating => new("Kommunen understøtter borgernes eget initiativ.", "The municipality supports the citizens' own initiative."),
        _ => new("Borgerne tager ansvar for resultatet.", "The citizens take responsibility for the outcome."),
    };
}
