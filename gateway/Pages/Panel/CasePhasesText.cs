using Civic.Gateway.Ui.Localization;

namespace Civic.Gateway.Pages.Panel;

/// <summary>Texts of a case's page for its scope of influence and its phases (coordinators and the owning department's staff).</summary>
public static class CasePhasesText
{
    public static readonly LocalText Title = new("Indflydelsesrum og faser", "Scope of influence and phases");
    public static readonly LocalText ToPhases = new("Indflydelsesrum og faser (nu: {0})", "Scope of influence and phases (now: {0})");
    public static readonly LocalText ToScope = new("Angiv eller ret indflydelsesrummet", "Set or change the scope of influence");
    public static readonly LocalText BackToCase = new("Tilbage til sagen", "Back to the case");
    public static readonly LocalText Lead = new(
        "En sag går gennem afklaring, samskabelse (planlægning og udførelse) og erkendelse, én fase ad gangen og aldrig tilbage. Hvert skift gemmes med hvem og hvorfor.",
        "A case goes through clarification, co-creation (planning and execution) and realisation, one phase at a time and never back. Every change is kept with who and why.");
    public static readonly LocalText CurrentPhase = new("Sagen er i fasen: {0}", "The case is in the phase: {0}");
    public static readonly LocalText Scope = new("Indflydelsesrum", "Scope of influence");
    public static readonly LocalText ScopeHint = new(
        "Hvad panelet bestemmer eller former, og hvad det kun høres om. Det skal være angivet, før sagen forlader afklaringen, og før et panel indkaldes.",
        "What the panel decides or shapes, and what it is only consulted on. It must be set before the case leaves clarification and before a panel is convened.");
    public static readonly LocalText SaveScope = new("Gem indflydelsesrummet", "Save the scope of influence");
    public static readonly LocalText NextHeading = new("Næste fase: {0}", "Next phase: {0}");
    public static readonly LocalText Reason = new("Begrundelse", "Reason");
    public static readonly LocalText ReasonHint = new("Hvorfor er sagen klar til næste fase? Gemmes i sagens historik.", "Why is the case ready for the next phase? Kept in the case's history.");
    public static readonly LocalText MoveOn = new("Gå videre til {0}", "Move on to {0}");
    public static readonly LocalText Closed = new("Sagen er afsluttet; den kan ikke skifte fase mere.", "The case is closed; its phase can no longer change.");
    public static readonly LocalText HistoryHeading = new("Faseskift", "Phase changes");
    public static readonly LocalText NoHistory = new("Sagen har ikke skiftet fase endnu.", "The case has not changed phase yet.");
    public static readonly LocalText When = new("Tidspunkt", "When");
    public static readonly LocalText From = new("Fra", "From");
    public static readonly LocalText To = new("Til", "To");
    public static readonly LocalText Who = new("Hvem", "Who");
    public static readonly LocalText Why = new("Begrundelse", "Reason");
    public static readonly LocalText CoordinatorHeading = new("Koordinator", "Coordinator");
    public static readonly LocalText Coordinator = new("Sagens koordinator: {0}", "The case's coordinator: {0}");
    public static readonly LocalText NoCoordinator = new("Sagen har ingen koordinator.", "The case has no coordinator.");
    public static readonly LocalText YouCoordinate = new("Det er dig.", "That is you.");
    public static readonly LocalText TakeOverReason = new("Begrundelse for at overtage sagen", "Reason for taking over the case");
    public static readonly LocalText TakeOverReasonHint = new("Fx \"Overtager under Jonas' orlov\". Gemmes i revisionsloggen.", "E.g. \"Taking over during Jonas' leave\". Kept in the audit log.");
    public static readonly LocalText TakeOver = new("Overtag sagen som koordinator", "Take over the case as coordinator");
    public static readonly LocalText Unavailable = new("Ændringen kunne ikke gemmes lige nu. Prøv igen om lidt.", "The change could not be saved right now. Try again shortly.");
}
