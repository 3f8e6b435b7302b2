using Civic.Hosting.Errors;
using Civic.Network.Taxonomy;

namespace Civic.Network.Groups;

/// <summary>What a valid group and notice look like.</summary>
public static class NetworkGroupRules
{
    public const int MaxNameLength = 120;
    public const int MaxDescriptionLength = 2_000;
    public const int MaxNoticeLength = 4_000;

    /// <returns>The trimmed name and description, and the challenge area as the taxonomy spells it.</returns>
    public static (string Name, string ChallengeArea, string Description) ValidGroup(string name, string challengeArea, string description)
    {
        var violations = new FieldViolations()
            .Required("name", name, "the name", "navnet")
            .MaxLength("name", name.Trim(), MaxNameLength, "the name", "navnet")
            .MaxLength("description", description.Trim(), MaxDescriptionLength, "the description", "beskrivelsen");
        var area = CompetenceTaxonomy.ChallengeAreas.FirstOrDefault(a => string.Equals(a, challengeArea.Trim(), StringComparison.OrdinalIgnoreCase));
        if (area is null)
        {
            violations.Add("challenge_area",
                $"Choose one of the challenge areas: {string.Join(", ", CompetenceTaxonomy.ChallengeAreas)}.",
                $"Vælg et af udfordringsområderne: {string.Join(", ", CompetenceTaxonomy.ChallengeAreas)}.");
        }

        violations.ThrowIfAny();
        return (name.Trim(), area!, description.Trim());
    }

    public static string ValidNotice(string text)
    {
        new FieldViolations()
            .Required("text", text, "the notice", "opslaget")
            .MaxLength("text", text.Trim(), MaxNoticeLength, "the notice", "opslaget")
            .ThrowIfAny();
        return text.Trim();
    }
}
