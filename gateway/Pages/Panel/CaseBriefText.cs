using Civic.Contracts.Panel.V1;
using Civic.Gateway.Ui.Localization;

namespace Civic.Gateway.Pages.Panel;

/// <summary>Texts of a panel case's brief (Sagens grundlag) and its checklists, on the coordinator's case page.</summary>
public static class CaseBriefText
{
    public static readonly LocalText Heading = new("Sagens grundlag", "The case's brief");
    public static readonly LocalText Lead = new(
        "Formål, succeskriterier, interessenter og spørgsmål til panelet. Skriv pseudonymiseret: omtal personer ved deres rolle, aldrig ved navn eller CPR-nummer.",
        "Purpose, success criteria, stakeholders and questions for the panel. Write pseudonymised: refer to people by their role, never by name or CPR number.");
    public static readonly LocalText ChecklistHeading = new("Hvad mangler sagen?", "What does the case still need?");
    public static readonly LocalText NextPhase = new("Før sagen kan gå videre til {0}", "Before the case can move on to {0}");
    public static readonly LocalText Convening = new("Før et panel kan indkaldes", "Before a panel can be convened");
    public static readonly LocalText Done = new("Klar", "Done");
    public static readonly LocalText Missing = new("Mangler", "Missing");
    public static readonly LocalText Purpose = new("Formål", "Purpose");
    public static readonly LocalText PurposeHint = new("Hvad vil kommunen opnå med at inddrage et panel?", "What does the municipality want to achieve by involving a panel?");
    public static readonly LocalText SuccessCriteria = new("Succeskriterier", "Success criteria");
    public static readonly LocalText SuccessCriteriaHint = new("Ét pr. linje, højst 10. De bruges i erkendelsesfasen til at vurdere, om formålet blev nået.", "One per line, at most 10. The realisation phase uses them to judge whether the purpose was met.");
    public static readonly LocalText Stakeholders = new("Interessenter", "Stakeholders");
    public static readonly LocalText StakeholdersHint = new("Én pr. linje som navn: interesse, fx Forældre: tryghed for deres børn. Højst 20.", "One per line as name: interest, e.g. Parents: safety for their children. At most 20.");
    public static readonly LocalText PanelQuestions = new("Spørgsmål til panelet", "Questions for the panel");
    public static readonly LocalText PanelQuestionsHint = new("Ét pr. linje, højst 10. Panelets medlemmer ser dem, når de har accepteret tavshedspligten.", "One per line, at most 10. The panel's members see them once they have accepted the confidentiality terms.");
    public static readonly LocalText Save = new("Gem sagens grundlag", "Save the case's brief");
    public static readonly LocalText BadStakeholderLine = new("Linje {0} skal have formen navn: interesse.", "Line {0} must have the form name: interest.");
    public static readonly LocalText Unavailable = new("Sagens grundlag kunne ikke gemmes lige nu. Prøv igen om lidt.", "The case's brief could not be saved right now. Try again shortly.");

    /// <summary>A checklist item's label in the reader's language.</summary>
    public static string Label(ChecklistItem item) => new LocalText(item.LabelDa, item.LabelEn).Current;
}
