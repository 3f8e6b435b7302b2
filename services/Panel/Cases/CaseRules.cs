using System.Text.RegularExpressions;
using Civic.Hosting.Errors;
using Civic.Hosting.PersonalData;

namespace Civic.Panel.Cases;

/// <summary>What a valid new case looks like. Plain C#, so it is tested without a server or a database.</summary>
public static partial class CaseRules
{
    public const int MaxTitleLength = 200;
    public const int MaxSummaryLength = 4000;

    /// <summary>
    /// Checks every field and throws one <see cref="ValidationException"/> naming each wrong one. A
    /// title or summary that looks like it contains a CPR number is refused with the reason
    /// PERSONAL_DATA_IN_TEXT: case texts are pseudonymised. Returns the case with trimmed texts.
    /// </summary>
    public static NewCase Validate(NewCase request)
    {
        var violations = new FieldViolations()
            .Required("title", request.Title, "the title", "titlen")
            .MaxLength("title", request.Title.Trim(), MaxTitleLength, "the title", "titlen")
            .Required("summary", request.Summary, "the summary", "resuméet")
            .MaxLength("summary", request.Summary.Trim(), MaxSummaryLength, "the summary", "resuméet")
            .Required("owning_department", request.OwningDepartment, "the owning department's code", "den ansvarlige forvaltnings kode");
        var department = request.OwningDepartment.Trim();
        if (department.Length > 0 && !DepartmentCode().IsMatch(department))
        {
            violations.Add("owning_department",
                "The owning department must be a department code such as \"boern-og-unge\" (lower-case letters, digits and '-').",
                "Den ansvarlige forvaltning skal angives med sin kode, fx \"boern-og-unge\" (små bogstaver, cifre og '-').");
        }

        RefuseCprNumber(violations, "title", request.Title, "title", "titlen");
        RefuseCprNumber(violations, "summary", request.Summary, "summary", "resuméet");
        violations.ThrowIfAny();
        return request with { Title = request.Title.Trim(), Summary = request.Summary.Trim(), OwningDepartment = department };
    }

    /// <summary>The reason for taking over <paramref name="case"/>, trimmed; refused when the caller coordinates it already or it is closed.</summary>
    public static string ValidateTakeOver(Case @case, CaseEmployee employee, string reason)
    {
        var violations = new FieldViolations()
            .Required("reason", reason, "the reason for taking over the case", "begrundelsen for at overtage sagen")
            .MaxLength("reason", reason.Trim(), CasePhaseRules.MaxReasonLength, "the reason", "begrundelsen");
        RefuseCprNumber(violations, "reason", reason, "reason", "begrundelsen");
        violations.ThrowIfAny();
        if (@case.Phase == CasePhase.Closed)
        {
            throw new FailedPreconditionException("The case is closed; it can no longer be taken over.", "Sagen er afsluttet; den kan ikke overtages.");
        }

        if (@case.CoordinatorSubject == employee.Subject)
        {
            throw new FailedPreconditionException("You coordinate this case already.", "Du er allerede koordinator for sagen.");
        }

        return reason.Trim();
    }

    /// <summary>Records a PERSONAL_DATA_IN_TEXT violation when <paramref name="text"/> looks like it holds a CPR number; every case text is checked alike.</summary>
    internal static void RefuseCprNumber(FieldViolations violations, string field, string text, string englishName, string danishName)
    {
        if (CprNumberDetector.ContainsCprNumber(text))
        {
            violations.AddPersonalData(field,
                $"The {englishName} looks like it contains a CPR number. Case texts must be pseudonymised: remove the number and refer to people by their role (e.g. \"the mother\").",
                $"{char.ToUpperInvariant(danishName[0])}{danishName[1..]} ser ud til at indeholde et CPR-nummer. Sagstekster skal være pseudonymiserede: fjern nummeret, og omtal personer ved deres rolle (fx \"moren\").");
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex DepartmentCode();
}
