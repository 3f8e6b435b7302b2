using System.Text.RegularExpressions;
using Civic.Hosting.Errors;
using Civic.Hosting.PersonalData;

namespace Civic.Network.Navigators;

/// <summary>What a family's reference may be: pseudonymous, never a CPR number.</summary>
public static partial class FamilyRules
{
    /// <exception cref="ValidationException">The reference is missing, malformed, or looks like a CPR number (reason PERSONAL_DATA_IN_TEXT).</exception>
    public static string ValidReference(string? reference, string field = "reference")
    {
        var value = reference?.Trim() ?? string.Empty;
        // Ten digits in any grouping is how a CPR number looks; the detector also knows its usual formats.
        if (CprNumberDetector.ContainsCprNumber(value) || Digits().Count(value) >= 10)
        {
            new FieldViolations().AddPersonalData(field,
                "The reference looks like a CPR number. Use the pseudonymous family reference (e.g. FAM-2026-0042), never a CPR number.",
                "Referencen ligner et CPR-nummer. Brug familiens pseudonyme reference (fx FAM-2026-0042), aldrig et CPR-nummer.").ThrowIfAny();
        }

        if (!Reference().IsMatch(value))
        {
            throw new ValidationException(field,
                "The reference must be 3-40 letters, digits and dashes, e.g. FAM-2026-0042.",
                "Referencen skal være 3-40 bogstaver, cifre og bindestreger, fx FAM-2026-0042.");
        }

        return value.ToUpperInvariant();
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9-]{2,39}$")]
    private static partial Regex Reference();

    [GeneratedRegex("[0-9]")]
    private static partial Regex Digits();
}
