using Civic.Hosting.Errors;

namespace Civic.Network.ProfileUpkeep;

/// <summary>How often a profile must be confirmed, and what a valid report and resolution look like.</summary>
public static class ProfileUpkeepRules
{
    /// <summary>A profile not confirmed for this many months is asked to be confirmed.</summary>
    public const int ConfirmEveryMonths = 6;

    public const int MaxTextLength = 2_000;

    /// <summary>Profiles last confirmed before this moment are due for confirmation at <paramref name="now"/>.</summary>
    public static DateTimeOffset DueBefore(DateTimeOffset now) => now.AddMonths(-ConfirmEveryMonths);

    public static string ValidReason(string reason) => ValidText("reason", reason, "what is wrong with the profile", "hvad der er forkert i profilen");

    public static string ValidResolution(string resolution) => ValidText("resolution", resolution, "what was done", "hvad der er gjort");

    private static string ValidText(string field, string text, string english, string danish)
    {
        new FieldViolations()
            .Required(field, text, english, danish)
            .MaxLength(field, text.Trim(), MaxTextLength, english, danish)
            .ThrowIfAny();
        return text.Trim();
    }
}
