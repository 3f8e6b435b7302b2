namespace Civic.Panel.Cases;

/// <summary>One thing a step of a case needs, and whether the case has it.</summary>
public sealed record ChecklistItem(string Key, bool Done, string LabelDa, string LabelEn);

/// <summary>
/// What a case needs before it leaves its phase and before a panel is convened. The phase rules refuse with
/// it and the case message shows it, so the coordinator sees exactly what the rules will ask for.
/// </summary>
public static class CaseChecklist
{
    private static readonly Requirement Scope = new("scope_of_influence", c => !string.IsNullOrWhiteSpace(c.ScopeOfInfluence),
        "Indflydelsesrum (hvad panelet bestemmer eller former, og hvad det kun høres om)", "Scope of influence (what the panel decides or shapes, and what it is only consulted on)");
    private static readonly Requirement Purpose = new("purpose", c => !string.IsNullOrWhiteSpace(c.Purpose), "Formål", "Purpose");
    private static readonly Requirement SuccessCriteria = new("success_criteria", c => c.SuccessCriteria.Count > 0, "Mindst ét succeskriterium", "At least one success criterion");
    private static readonly Requirement Stakeholders = new("stakeholders", c => c.Stakeholders.Count > 0, "Mindst én interessent", "At least one stakeholder");
    private static readonly Requirement PanelQuestions = new("panel_questions", c => c.PanelQuestions.Count > 0, "Mindst ét spørgsmål til panelet", "At least one question for the panel");

    /// <summary>What leaving the case's phase needs: Afklaring the scope, purpose and criteria; Planlægning also stakeholders and questions; later phases nothing more.</summary>
    public static IReadOnlyList<ChecklistItem> ForNextPhase(Case @case) => @case.Phase switch
    {
        CasePhase.Clarification => Check(@case, Scope, Purpose, SuccessCriteria),
        CasePhase.Planning => Check(@case, Scope, Purpose, SuccessCriteria, Stakeholders, PanelQuestions),
        _ => [],
    };

    /// <summary>What convening a panel needs: the scope, whom the case concerns and what the panel is asked.</summary>
    public static IReadOnlyList<ChecklistItem> ForConvening(Case @case) => Check(@case, Scope, Stakeholders, PanelQuestions);

    private static List<ChecklistItem> Check(Case @case, params Requirement[] requirements) =>
        requirements.Select(r => new ChecklistItem(r.Key, r.IsMet(@case), r.LabelDa, r.LabelEn)).ToList();

    private sealed record Requirement(string Key, Func<Case, bool> IsMet, string LabelDa, string LabelEn);
}
