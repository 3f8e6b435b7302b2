using System.Collections.Frozen;
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
    public static readonly LocalText SubjectFilter = new("Kun om eller af (medlems- eller sags-id)", "Only about or by (member or case id)");
    public static readonly LocalText SubjectFilterHint = new(
        "Et medlems id viser både poster om medlemmet og det, medlemmet selv har gjort i et panel.",
        "A member's id shows both entries about the member and what the member did on a panel.");
    public static readonly LocalText Filter = new("Vis", "Show");
    public static readonly LocalText When = new("Hvornår", "When");
    public static readonly LocalText Who = new("Hvem", "Who");
    public static readonly LocalText What = new("Hvad", "What");
    public static readonly LocalText About = new("Om", "About");
    public static readonly LocalText Why = new("Hvorfor", "Why");
    public static readonly LocalText NoEntries = new("Ingen poster.", "No entries.");

    /// <summary>
    /// The Panel service's audit actions in words, by the action codes it writes (services/Panel: AuditLog's callers).
    /// The page shows the code too, so an action added there before it is named here still shows.
    /// </summary>
    private static readonly FrozenDictionary<string, LocalText> ActionNames = new Dictionary<string, LocalText>(StringComparer.Ordinal)
    {
        ["case.create"] = new("Sag oprettet", "Case opened"),
        ["case.read"] = new("Sag læst", "Case read"),
        ["case.list"] = new("Sagslisten læst", "Case list read"),
        ["case.material.read"] = new("Panelmedlem læste sagsmaterialet", "Panel member read the case material"),
        ["case.scope-of-influence"] = new("Indflydelsesrum angivet", "Scope of influence set"),
        ["case.brief"] = new("Sagens grundlag ændret", "The case's brief changed"),
        ["case.phase"] = new("Fase skiftet", "Phase changed"),
        ["case.coordinator"] = new("Sagen overtaget af en ny koordinator", "Case taken over by a new coordinator"),
        ["case.draw"] = new("Panel trukket ved lodtrækning", "Panel drawn by lot"),
        ["case.invite"] = new("Panelet inviteret", "Panel invited"),
        ["case.invitation.answer"] = new("Panelmedlem svarede på invitationen", "Panel member answered the invitation"),
        ["case.invitation.remind"] = new("Panelmedlem mindet om at svare", "Panel member reminded to answer"),
        ["case.invitation.close"] = new("Invitation udløbet eller lukket", "Invitation expired or closed"),
        ["case.confidentiality"] = new("Panelmedlem accepterede tavshedspligten", "Panel member accepted the confidentiality terms"),
        ["case.session"] = new("Møde planlagt", "Session scheduled"),
        ["case.contribution"] = new("Bidrag registreret", "Contribution recorded"),
        ["case.synthesis.draft"] = new("Udkast til syntese gemt", "Synthesis draft saved"),
        ["case.synthesis.review"] = new("Syntesen sendt til kommentering", "Synthesis opened for review"),
        ["case.synthesis.comment"] = new("Panelmedlem kommenterede syntesen", "Panel member commented on the synthesis"),
        ["case.synthesis.final"] = new("Syntesen gjort endelig", "Synthesis made final"),
        ["case.feedback"] = new("Tilbagemelding givet til et medlem", "Feedback given to a member"),
        ["case.feedback.escalate"] = new("Manglende tilbagemelding eskaleret", "Missing feedback escalated"),
        ["case.evaluation"] = new("Evaluering registreret", "Evaluation recorded"),
        ["member.sign-up"] = new("Tilmeldt online", "Signed up online"),
        ["member.sign-up-again"] = new("Tilmeldt igen med samme adresse", "Signed up again with the same address"),
        ["member.sign-up-assisted"] = new("Tilmeldt med hjælp fra en medarbejder", "Signed up with an employee's help"),
        ["member.confirm"] = new("Tilmelding bekræftet", "Sign-up confirmed"),
        ["member.read"] = new("Personoplysninger læst", "Personal data read"),
        ["member.list"] = new("Vist i medlemslisten", "Shown in the member list"),
        ["member.export"] = new("Personoplysninger udleveret (eksport)", "Personal data exported"),
        ["member.renew-consent"] = new("Samtykke fornyet", "Consent renewed"),
        ["member.renewal-requested"] = new("Bedt om at forny samtykket", "Asked to renew consent"),
        ["member.inactivity-reminder"] = new("Påmindet efter inaktivitet", "Reminded after inactivity"),
        ["member.erase"] = new("Personoplysninger slettet", "Personal data erased"),
        ["feature-schema.add-category"] = new("Kategori tilføjet til egenskabsskemaet", "Category added to the feature schema"),
        ["feature-schema.add-value"] = new("Værdi tilføjet til egenskabsskemaet", "Value added to the feature schema"),
        ["feature-schema.update-category"] = new("Kategori i egenskabsskemaet ændret", "Feature schema category changed"),
        ["feature-schema.update-value"] = new("Værdi i egenskabsskemaet ændret", "Feature schema value changed"),
        ["feature-schema.reorder"] = new("Rækkefølgen i egenskabsskemaet ændret", "Order in the feature schema changed"),
        ["feature-schema.retire"] = new("Værdi i egenskabsskemaet udgået", "Feature schema value retired"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The action in words, or null for a code not named here yet.</summary>
    public static LocalText? ActionName(string action) => ActionNames.GetValueOrDefault(action);
    public static readonly LocalText Links = new("Se også", "See also");
    public static readonly LocalText FairnessLink = new("Fordeling af deltagelse", "Distribution of participation");
    public static readonly LocalText MembersLink = new("Medlemmer af puljen", "Members of the pool");
    public static readonly LocalText AssistedLink = new("Tilmeld en borger, der ikke er online", "Register a citizen who is not online");
}
