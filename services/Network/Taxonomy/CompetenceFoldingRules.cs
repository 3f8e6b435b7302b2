using System.Text;
using Civic.Hosting.Errors;
using Civic.Network.ResourcePersons;

namespace Civic.Network.Taxonomy;

/// <summary>A valid fold: the text, the competence it goes to, and the name when that competence is new.</summary>
public sealed record FoldTarget(string Text, string CompetenceId, string? NewName);

/// <summary>What a valid fold of an "other" competence looks like. Plain C#, tested without a server.</summary>
public static class CompetenceFoldingRules
{
    /// <summary>The key a text is counted and folded by: trimmed and lower-cased.</summary>
    public static string Term(string text) => text.Trim().ToLowerInvariant();

    /// <summary>A new competence's id from its Danish name: lower-case letters and digits joined by '-' (æ, ø, å spelt out, as the fixed ids are).</summary>
    public static string IdFor(string name)
    {
        var id = new StringBuilder();
        foreach (var c in name.Trim().ToLowerInvariant())
        {
            _ = c switch
            {
                'æ' => id.Append("ae"),
                'ø' => id.Append("oe"),
                'å' => id.Append("aa"),
                _ when char.IsAsciiLetterOrDigit(c) => id.Append(c),
                _ when id.Length > 0 && id[^1] != '-' => id.Append('-'),
                _ => id,
            };
        }

        return id.ToString().TrimEnd('-');
    }

    /// <exception cref="ValidationException">No text, no target or both, an unknown competence, or a new name that is blank, too long or without letters.</exception>
    /// <exception cref="AlreadyExistsException">The new name is the name or id of a competence already.</exception>
    public static FoldTarget ValidTarget(string text, string? synonymOf, string? newCompetenceName, FoldedTaxonomy taxonomy)
    {
        var violations = new FieldViolations()
            .Required("text", text, "the other competence to fold", "den anden kompetence, der skal lægges ind")
            .MaxLength("text", text.Trim(), ResourcePersonRules.MaxTermLength, "the other competence", "den anden kompetence");
        if (string.IsNullOrWhiteSpace(synonymOf) == string.IsNullOrWhiteSpace(newCompetenceName))
        {
            violations.Add("target",
                "Give either synonym_of (an existing competence's id) or new_competence_name (a Danish name for a new competence).",
                "Angiv enten en eksisterende kompetence, som teksten er synonym for, eller et dansk navn til en ny kompetence.");
            violations.ThrowIfAny();
        }

        if (!string.IsNullOrWhiteSpace(synonymOf))
        {
            if (!taxonomy.IsCompetence(synonymOf.Trim()))
            {
                violations.Add("synonym_of",
                    $"'{Shorten(synonymOf)}' is not a competence of the taxonomy. Take an id from GetTaxonomy.",
                    $"'{Shorten(synonymOf)}' er ikke en kompetence i taksonomien. Vælg en kompetence fra listen.");
            }

            violations.ThrowIfAny();
            return new FoldTarget(text.Trim(), synonymOf.Trim(), null);
        }

        var name = newCompetenceName!.Trim();
        violations.MaxLength("new_competence_name", name, ResourcePersonRules.MaxTermLength, "the new competence's name", "den nye kompetences navn");
        var id = IdFor(name);
        if (id.Length == 0)
        {
            violations.Add("new_competence_name", "The new competence's name needs letters or digits.", "Den nye kompetences navn skal have bogstaver eller tal.");
        }

        violations.ThrowIfAny();
        if (taxonomy.IsCompetence(id) || taxonomy.All.Any(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new AlreadyExistsException(
                $"The taxonomy has a competence '{name}' already. Fold the text as its synonym instead (synonym_of).",
                $"Taksonomien har allerede en kompetence '{name}'. Læg teksten ind som synonym for den i stedet.");
        }

        return new FoldTarget(text.Trim(), id, name);
    }

    private static string Shorten(string text) => text.Length <= ResourcePersonRules.MaxTermLength ? text : text[..ResourcePersonRules.MaxTermLength] + "…";
}
