using Civic.Gateway.Ui.Localization;

namespace Civic.Gateway.Pages.Panel;

/// <summary>Texts of the fairness report (coordinators) and the audit log (administrators).</summary>
public static class PanelOversightText
{
    public static readonly LocalText FairnessTitle = new("Fordeling af deltagelse", "Distribution of participation");
    public static readonly LocalText FairnessLead = new(
        "Kommer de samme borgere igen og igen? Rapporten viser, hvor jævnt pladserne i panelerne er fordelt over puljen – nu og efter hver lodtrækning.",
        "Do the same citizens come again and again? The report shows how evenly the seats on the panels are spread over the pool – now and after each draw.");
    public static readonly LocalText Members = new("Aktive medlemmer", "Active members");
    public static readonly LocalText Draws = new("Lodtrækninger", "Draws");
    public static readonly LocalText Seats = new("Pladser i alt", "Seats in all");
    public static readonly LocalText Gini = new("Gini-koefficient (0 = helt jævnt, 1 = én har alt)", "Gini coefficient (0 = perfectly even, 1 = one has everything)");
    public static readonly LocalText NeverInvited = new("Aldrig inviteret", "Never invited");
    public static readonly LocalText NeverDrawn = new("Aldrig trukket ud (en reserve kan være inviteret uden at være trukket)", "Never drawn (a reserve may be invited without being drawn)");
    public static readonly LocalText UsualOnes = new("\"De sædvanlige\" (øverste tiendedel)", "\"The usual ones\" (top tenth)");
    public static readonly LocalText UsualOnesValue = new("{0} medlemmer med {1} af pladserne", "{0} members with {1} of the seats");
    public static readonly LocalText HistoryHeading = new("Efter hver lodtrækning", "After each draw");
    public static readonly LocalText AsOf = new("Tidspunkt", "Time");
    public static readonly LocalText NoDraws = new("Der er ikke trukket nogen paneler endnu.", "No panels have been drawn yet.");
    public static readonly LocalText NotAllowed = new("Rapporten er for koordinatorer, direktører og administratorer.", "The report is for coordinators, directors and administrators.");

    public static readonly LocalText AuditTitle = new("Borgerpanelets revisionslog", "The Citizens' Panel's audit log");
    public static readonly LocalText AuditLead = new(
        "Hver læsning og ændring af personoplysninger og sagsdata: hvem, hvornår, hvad og hvorfor. Medlemmer og sager står kun med deres id.",
        "Every read and change of personal data and case data: who, when, what and why. Members and cases appear by id only.");
    public static readonly LocalText SubjectFilter = new("Kun om (medlems- eller sags-id)", "Only about (member or case id)");
    public static readonly LocalText Filter = new("Vis", "Show");
    public static readonly LocalText When = new("Hvornår", "When");
    public static readonly LocalText Who = new("Hvem", "Who");
    public static readonly LocalText What = new("Hvad", "What");
    public static readonly LocalText About = new("Om", "About");
    public static readonly LocalText Why = new("Hvorfor", "Why");
    public static readonly LocalText NoEntries = new("Ingen poster.", "No entries.");
    public static readonly LocalText Links = new("Se også", "See also");
    public static readonly LocalText FairnessLink = new("Fordeling af deltagelse", "Distribution of participation");
    public static readonly LocalText MembersLink = new("Medlemmer af puljen", "Members of the pool");
    public static readonly LocalText AssistedLink = new("Tilmeld en borger, der ikke er online", "Register a citizen who is not online");
}
