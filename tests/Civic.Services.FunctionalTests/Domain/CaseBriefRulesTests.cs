using Civic.Hosting.Errors;
using Civic.Panel.Cases;

namespace Civic.Services.FunctionalTests.Domain;

public sealed class CaseBriefRulesTests
{
    [Fact]
    public void Validate_PartialBrief_AcceptedAndTrimmed()
    {
        var valid = CaseBriefRules.Validate(new CaseBrief(" Færre ensomme unge. ", [" To nye fællesskaber. "], [new(" Forældre ", " Tryghed. ")], []));

        Assert.Equal("Færre ensomme unge.", valid.Purpose);
        Assert.Equal(["To nye fællesskaber."], valid.SuccessCriteria);
        Assert.Equal([new Stakeholder("Forældre", "Tryghed.")], valid.Stakeholders);
        Assert.Empty(valid.PanelQuestions);
    }

    [Fact]
    public void Validate_EmptyBrief_EveryPartNamed()
    {
        var exception = Assert.Throws<ValidationException>(() => CaseBriefRules.Validate(new CaseBrief("  ", [], [], [])));

        Assert.Equal(["purpose", "success_criteria", "stakeholders", "panel_questions"], exception.Violations.Select(v => v.Field));
        Assert.Equal(ValidationReason.InvalidField, exception.Reason);
        Assert.Contains("tomt", exception.DanishMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CprInACriterionAndAStakeholder_PersonalDataReasonNamingTheItems()
    {
        var exception = Assert.Throws<ValidationException>(() => CaseBriefRules.Validate(new CaseBrief(
            "Formål.", ["Godt.", "Drengen 120304-5678 trives."], [new("Moren", "Sønnen 1203045678 skal hjem.")], [])));

        Assert.Equal(ValidationReason.PersonalDataInText, exception.Reason);
        Assert.Equal(["success_criteria[1]", "stakeholders[0].interest"], exception.Violations.Select(v => v.Field));
        Assert.All(exception.Violations, v => Assert.Contains("CPR-nummer", v.DanishDescription, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_TooManyAndEmptyItems_EveryWrongFieldNamed()
    {
        var exception = Assert.Throws<ValidationException>(() => CaseBriefRules.Validate(new CaseBrief(
            new string('x', CaseBriefRules.MaxPurposeLength + 1),
            [.. Enumerable.Range(1, CaseBriefRules.MaxSuccessCriteria + 1).Select(i => $"Kriterium {i}.")],
            [new(" ", "Interesse.")],
            ["Spørgsmål?", " "])));

        Assert.Equal(["purpose", "success_criteria", "stakeholders[0].name", "panel_questions[1]"], exception.Violations.Select(v => v.Field));
        Assert.Contains("højst 10 succeskriterier", exception.Violations[1].DanishDescription, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MaximumCounts_Accepted()
    {
        var valid = CaseBriefRules.Validate(new CaseBrief("",
            [.. Enumerable.Repeat("Kriterium.", CaseBriefRules.MaxSuccessCriteria)],
            [.. Enumerable.Repeat(new Stakeholder("Gruppe", "Interesse."), CaseBriefRules.MaxStakeholders)],
            [.. Enumerable.Repeat("Spørgsmål?", CaseBriefRules.MaxPanelQuestions)]));

        Assert.Equal(CaseBriefRules.MaxStakeholders, valid.Stakeholders.Count);
    }
}
