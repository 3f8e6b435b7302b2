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
    public static readonly LocalText CasesComing = new(
        "Oprettelse af sager, invitationer og møder kommer i en senere version. Koordinatorer kan allerede indkalde et panel ved lodtrækning: åbn sagen.",
        "Creating cases, invitations and meetings come in a later version. Coordinators can already convene a panel by lottery: open the case.");
}
