using Civic.Hosting.Errors;

namespace Civic.Hotline.Ideas;

/// <summary>An idea's life cycle and what a valid idea looks like. Plain C#.</summary>
public static class IdeaRules
{
    public const int MaxTitleLength = 200;
    public const int MaxDescriptionLength = 2000;
    public const int MaxReasonLength = 1000;

    /// <summary>received → under consideration → planned → implemented; declined from any step before the end.</summary>
    public static bool CanMove(IdeaStatus from, IdeaStatus to) => (from, to) switch
    {
        (IdeaStatus.Received, IdeaStatus.UnderConsideration) => true,
        (IdeaStatus.UnderConsideration, IdeaStatus.Planned) => true,
        (IdeaStatus.Planned, IdeaStatus.Implemented) => true,
        (IdeaStatus.Received or IdeaStatus.UnderConsideration or IdeaStatus.Planned, IdeaStatus.Declined) => true,
        _ => false,
    };

    public static (string Title, string Description) ValidateNew(string title, string description)
    {
        new FieldViolations()
            .Required("title", title, "the title", "titlen")
            .MaxLength("title", title.Trim(), MaxTitleLength, "the title", "titlen")
            .MaxLength("description", description.Trim(), MaxDescriptionLength, "the description", "beskrivelsen")
            .ThrowIfAny();
        return (title.Trim(), description.Trim());
    }

    /// <summary>Checks the move and its reason; returns the reason to store (only for a decline).</summary>
    public static string? ValidateMove(IdeaStatus from, IdeaStatus? to, string reason)
    {
        if (to is null)
        {
            throw new ValidationException("status", "Choose the idea's new status.", "Vælg idéens nye status.");
        }

        var trimmed = reason.Trim();
        if (to == IdeaStatus.Declined)
        {
            new FieldViolations()
                .Required("decline_reason", trimmed, "the reason for declining (the citizen is told it)", "begrundelsen for afslaget (borgeren får den at vide)")
                .MaxLength("decline_reason", trimmed, MaxReasonLength, "the reason", "begrundelsen")
                .ThrowIfAny();
        }

        if (!CanMove(from, to.Value))
        {
            throw new FailedPreconditionException(
                $"An idea that is {from} cannot become {to}: ideas go received → under consideration → planned → implemented, or are declined before the end.",
                $"En idé med status {from} kan ikke få status {to}: idéer går modtaget → under overvejelse → planlagt → gennemført eller afvises inden da.");
        }

        return to == IdeaStatus.Declined ? trimmed : null;
    }
}
