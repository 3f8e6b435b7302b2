using Civic.Hosting.Errors;
using Civic.Panel.Cases;

namespace Civic.Services.FunctionalTests.Domain;

public sealed class CasePhaseRulesTests
{
    [Fact]
    public void ValidateTransition_ClarificationWithScopeOnly_RefusedNamingPurposeAndCriteria()
    {
        var @case = Case(CasePhase.Clarification, scope: "Panelet høres.");

        var exception = Assert.Throws<FailedPreconditionException>(() => CasePhaseRules.ValidateTransition(@case, CasePhase.Planning, "Videre."));

        Assert.Equal(["purpose", "success_criteria"], exception.Violations.Select(v => v.Subject));
        Assert.All(exception.Violations, v => Assert.Equal(CasePhaseRules.ChecklistType, v.Type));
        Assert.Contains("den mangler: formål; mindst ét succeskriterium", exception.DanishMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateTransition_ClarificationChecklistDone_Allowed()
    {
        var @case = Case(CasePhase.Clarification, scope: "Panelet høres.", brief: new("Formål.", ["Kriterium."], [], []));

        Assert.Equal("Videre.", CasePhaseRules.ValidateTransition(@case, CasePhase.Planning, " Videre. "));
        Assert.All(CaseChecklist.ForNextPhase(@case), i => Assert.True(i.Done));
    }

    [Fact]
    public void ValidateTransition_PlanningWithoutStakeholdersAndQuestions_Refused()
    {
        var @case = Case(CasePhase.Planning, scope: "Panelet høres.", brief: new("Formål.", ["Kriterium."], [], []));

        var exception = Assert.Throws<FailedPreconditionException>(() => CasePhaseRules.ValidateTransition(@case, CasePhase.Execution, "Videre."));

        Assert.Equal(["stakeholders", "panel_questions"], exception.Violations.Select(v => v.Subject));
    }

    [Fact]
    public void ValidateTransition_LaterPhases_NoChecklist()
    {
        var @case = Case(CasePhase.Execution, scope: "");

        Assert.Empty(CaseChecklist.ForNextPhase(@case));
        Assert.Equal("Færdig.", CasePhaseRules.ValidateTransition(@case, CasePhase.Realisation, "Færdig."));
    }

    [Fact]
    public void ValidateTransition_SkippedPhase_RefusedBeforeTheChecklist()
    {
        var exception = Assert.Throws<FailedPreconditionException>(() => CasePhaseRules.ValidateTransition(Case(CasePhase.Clarification, scope: ""), CasePhase.Execution, "Spring."));

        Assert.Contains("cannot be skipped", exception.Message, StringComparison.Ordinal);
        Assert.Empty(exception.Violations);
    }

    [Fact]
    public void EnsureCanConvene_WithoutStakeholdersAndQuestions_RefusedNamingThem()
    {
        var @case = Case(CasePhase.Clarification, scope: "Panelet høres.", brief: new("Formål.", ["Kriterium."], [], []));

        var exception = Assert.Throws<FailedPreconditionException>(() => CasePhaseRules.EnsureCanConvene(@case));

        Assert.Equal(["stakeholders", "panel_questions"], exception.Violations.Select(v => v.Subject));
        Assert.StartsWith("Der kan ikke indkaldes et panel", exception.DanishMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureCanConvene_ScopeStakeholderAndQuestion_AllowedWithoutPurpose()
    {
        var @case = Case(CasePhase.Planning, scope: "Panelet høres.", brief: new("", [], [new("Forældre", "Tryghed.")], ["Hvad mangler?"]));

        CasePhaseRules.EnsureCanConvene(@case);

        Assert.Equal([("scope_of_influence", true), ("stakeholders", true), ("panel_questions", true)], CaseChecklist.ForConvening(@case).Select(i => (i.Key, i.Done)));
    }

    private static Case Case(CasePhase phase, string scope, CaseBrief? brief = null)
    {
        var @case = new Case
        {
            Id = "sag-1",
            Title = "Ensomhed",
            Summary = "Unge er ensomme.",
            OwningDepartment = "boern-og-unge",
            Phase = phase,
            ScopeOfInfluence = scope,
        };
        if (brief is not null)
        {
            @case.Apply(brief);
        }

        return @case;
    }
}
