using System.Text.RegularExpressions;

namespace Civic.Panel.Cases;

/// <summary>What kind of contact detail a case text seems to hold.</summary>
public enum CaseTextFlagKind
{
    EmailAddress,
    PhoneNumber,
}

/// <summary>A contact detail found in one of a case's texts.</summary>
public sealed record CaseTextFlag(string Field, CaseTextFlagKind Kind);

/// <summary>
/// Finds e-mail addresses and phone numbers in a case's texts. They are allowed (a CPR number is refused), but
/// flagged so the coordinator can pseudonymise them. Plain C#, derived from the texts on every read.
/// </summary>
public static partial class CaseTextFlags
{
    public static IReadOnlyList<CaseTextFlag> Of(Case @case) =>
        new[]
        {
            ("title", @case.Title), ("summary", @case.Summary), ("scope_of_influence", @case.ScopeOfInfluence), ("purpose", @case.Purpose),
            ("success_criteria", string.Join('\n', @case.SuccessCriteria)),
            ("stakeholders", string.Join('\n', @case.Stakeholders.Select(s => $"{s.Name}: {s.Interest}"))),
            ("panel_questions", string.Join('\n', @case.PanelQuestions)),
        }
            .SelectMany(text => Find(text.Item1, text.Item2))
            .ToList();

    private static IEnumerable<CaseTextFlag> Find(string field, string text)
    {
        if (EmailAddress().IsMatch(text))
        {
            yield return new CaseTextFlag(field, CaseTextFlagKind.EmailAddress);
        }

        if (PhoneNumber().IsMatch(text))
        {
            yield return new CaseTextFlag(field, CaseTextFlagKind.PhoneNumber);
        }
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex EmailAddress();

    // A Danish number: eight digits, written together or in pairs, optionally after +45 or 0045.
    [GeneratedRegex(@"(?<![\d+])(?:(?:\+|00)45[ \-]?)?(?:\d{8}|\d{2}(?:[ \-]\d{2}){3}|\d{4} \d{4})(?![\d])", RegexOptions.CultureInvariant)]
    private static partial Regex PhoneNumber();
}
