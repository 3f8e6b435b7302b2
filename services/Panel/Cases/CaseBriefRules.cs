using Civic.Hosting.Errors;

namespace Civic.Panel.Cases;

/// <summary>
/// What a valid case brief looks like. Plain C#, so it is tested without a server or a database. The brief
/// is pseudonymised like the other case texts: a CPR number anywhere in it is refused.
/// </summary>
public static class CaseBriefRules
{
    public const int MaxPurposeLength = 2000;
    public const int MaxItemLength = 500;
    public const int MaxStakeholderNameLength = 200;
    public const int MaxSuccessCriteria = 10;
    public const int MaxStakeholders = 20;
    public const int MaxPanelQuestions = 10;

    /// <summary>
    /// Checks every part and throws one <see cref="ValidationException"/> naming each wrong field (list items as
    /// "success_criteria[1]", "stakeholders[0].name"). Returns the brief with every text trimmed.
    /// </summary>
    public static CaseBrief Validate(CaseBrief brief)
    {
        var purpose = brief.Purpose.Trim();
        var criteria = brief.SuccessCriteria.Select(c => c.Trim()).ToList();
        var stakeholders = brief.Stakeholders.Select(s => new Stakeholder(s.Name.Trim(), s.Interest.Trim())).ToList();
        var questions = brief.PanelQuestions.Select(q => q.Trim()).ToList();
        var violations = new FieldViolations();
        if (purpose.Length == 0 && criteria.Count == 0 && stakeholders.Count == 0 && questions.Count == 0)
        {
            // An empty PUT would silently wipe a brief; clearing everything is not something a coordinator needs.
            foreach (var field in new[] { "purpose", "success_criteria", "stakeholders", "panel_questions" })
            {
                violations.Add(field, "The brief is empty: write at least one of the purpose, a success criterion, a stakeholder or a question for the panel.",
                    "Sagens grundlag er tomt: udfyld mindst ét af formål, et succeskriterium, en interessent eller et spørgsmål til panelet.");
            }

            violations.ThrowIfAny();
        }

        violations.MaxLength("purpose", purpose, MaxPurposeLength, "the purpose", "formålet");
        CaseRules.RefuseCprNumber(violations, "purpose", purpose, "purpose", "formålet");
        CheckTexts(violations, "success_criteria", criteria, MaxSuccessCriteria, "success criteria", "succeskriterier", "success criterion", "succeskriterium");
        CheckCount(violations, "stakeholders", stakeholders.Count, MaxStakeholders, "stakeholders", "interessenter");
        for (var i = 0; i < stakeholders.Count; i++)
        {
            var (name, interest) = (stakeholders[i].Name, stakeholders[i].Interest);
            var field = $"stakeholders[{i}]";
            violations
                .Required($"{field}.name", name, $"stakeholder {i + 1}'s name", $"navnet på interessent {i + 1}")
                .MaxLength($"{field}.name", name, MaxStakeholderNameLength, $"stakeholder {i + 1}'s name", $"navnet på interessent {i + 1}")
                .Required($"{field}.interest", interest, $"stakeholder {i + 1}'s interest", $"interessen for interessent {i + 1}")
                .MaxLength($"{field}.interest", interest, MaxItemLength, $"stakeholder {i + 1}'s interest", $"interessen for interessent {i + 1}");
            CaseRules.RefuseCprNumber(violations, $"{field}.name", name, $"stakeholder {i + 1}'s name", $"navnet på interessent {i + 1}");
            CaseRules.RefuseCprNumber(violations, $"{field}.interest", interest, $"stakeholder {i + 1}'s interest", $"interessen for interessent {i + 1}");
        }

        CheckTexts(violations, "panel_questions", questions, MaxPanelQuestions, "questions for the panel", "spørgsmål til panelet", "question", "spørgsmål");
        violations.ThrowIfAny();
        return new CaseBrief(purpose, criteria, stakeholders, questions);
    }

    private static void CheckTexts(
        FieldViolations violations, string field, List<string> texts, int maxCount, string englishList, string danishList, string englishItem, string danishItem)
    {
        CheckCount(violations, field, texts.Count, maxCount, englishList, danishList);
        for (var i = 0; i < texts.Count; i++)
        {
            var (english, danish) = ($"{englishItem} {i + 1}", $"{danishItem} {i + 1}");
            violations
                .Required($"{field}[{i}]", texts[i], english, danish)
                .MaxLength($"{field}[{i}]", texts[i], MaxItemLength, english, danish);
            CaseRules.RefuseCprNumber(violations, $"{field}[{i}]", texts[i], english, danish);
        }
    }

    private static void CheckCount(FieldViolations violations, string field, int count, int max, string englishList, string danishList)
    {
        if (count > max)
        {
            violations.Add(field, $"A case has at most {max} {englishList} (here {count}); keep the most important ones.",
                $"En sag har højst {max} {danishList} (her {count}); behold de vigtigste.");
        }
    }
}
