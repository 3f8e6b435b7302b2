using System.Text.RegularExpressions;
using Civic.Hosting.Errors;
using Civic.Hosting.Notifications;

namespace Civic.Hotline.Departments;

/// <summary>What a valid department looks like. Plain C#, so it is tested without a server or a database.</summary>
public static partial class DepartmentRules
{
    public const int MaxCodeLength = 50;
    public const int MaxNameLength = 200;
    public const int MaxTopicLength = 100;
    public const int MaxTopics = 50;
    public const int MaxDeputies = 10;

    /// <summary>
    /// Checks every field and throws one <see cref="ValidationException"/> naming each wrong one;
    /// returns the department with trimmed texts and topics without blanks or duplicates.
    /// </summary>
    public static NewDepartment Validate(NewDepartment department)
    {
        var violations = new FieldViolations();
        var code = department.Code.Trim();
        if (code.Length == 0)
        {
            violations.Add("code", "The code is required, e.g. \"boern-og-unge\".", "Koden skal udfyldes, fx \"boern-og-unge\".");
        }
        else if (code.Length > MaxCodeLength || !CodePattern().IsMatch(code))
        {
            violations.Add("code",
                $"The code must be 1-{MaxCodeLength} lower-case letters a-z, digits and single '-' between them, e.g. \"boern-og-unge\" (write æ, ø, å as ae, oe, aa).",
                $"Koden skal være 1-{MaxCodeLength} små bogstaver a-z, cifre og enkelte '-' imellem dem, fx \"boern-og-unge\" (skriv æ, ø, å som ae, oe, aa).");
        }

        violations
            .Required("name.da", department.NameDa, "the Danish name", "det danske navn")
            .MaxLength("name.da", department.NameDa.Trim(), MaxNameLength, "the Danish name", "det danske navn")
            .Required("name.en", department.NameEn, "the English name", "det engelske navn")
            .MaxLength("name.en", department.NameEn.Trim(), MaxNameLength, "the English name", "det engelske navn")
            .Required("director_name", department.DirectorName, "the director's name", "direktørens navn")
            .MaxLength("director_name", department.DirectorName.Trim(), MaxNameLength, "the director's name", "direktørens navn");

        if (department.Topics.Count > MaxTopics)
        {
            violations.Add("topics", $"At most {MaxTopics} topics (there are {department.Topics.Count}).", $"Højst {MaxTopics} emner (der er {department.Topics.Count}).");
        }

        for (var i = 0; i < department.Topics.Count; i++)
        {
            violations.MaxLength($"topics[{i}]", department.Topics[i].Trim(), MaxTopicLength, "a topic", "et emne");
        }

        if (department.Deputies.Count > MaxDeputies)
        {
            violations.Add("deputy_names", $"At most {MaxDeputies} deputies (there are {department.Deputies.Count}).", $"Højst {MaxDeputies} stedfortrædere (der er {department.Deputies.Count}).");
        }

        for (var i = 0; i < department.Deputies.Count; i++)
        {
            violations.MaxLength($"deputy_names[{i}]", department.Deputies[i].Trim(), MaxNameLength, "a deputy's name", "en stedfortræders navn");
        }

        var email = (department.ContactEmail ?? string.Empty).Trim();
        if (email.Length > 0 && !EmailAddresses.IsValid(email))
        {
            violations.Add("contact_email", "The department's e-mail address is not valid; leave it empty if it has none.",
                "Forvaltningens e-mailadresse er ikke gyldig; lad feltet stå tomt, hvis den ikke har en.");
        }

        violations.ThrowIfAny();
        return new NewDepartment(
            code, department.NameDa.Trim(), department.NameEn.Trim(), department.DirectorName.Trim(),
            Distinct(department.Topics), Distinct(department.Deputies), department.TakesUnsureCitizens, email.Length == 0 ? null : email);
    }

    private static List<string> Distinct(IEnumerable<string> texts) =>
        texts.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}
