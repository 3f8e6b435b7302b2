using Civic.Hosting.Errors;

namespace Civic.Panel.Invitations;

/// <summary>What a valid invitation request and a valid use of an invitation link look like.</summary>
public static class InvitationRules
{
    /// <summary>Throws unless the deadline leaves the member between the configured shortest and longest time to answer.</summary>
    public static void ValidateDeadline(DateTimeOffset? deadline, DateTimeOffset now, InvitationOptions options)
    {
        if (deadline is null)
        {
            throw new ValidationException("response_deadline", "Give the deadline by which members must answer the invitation.",
                "Angiv fristen, inden for hvilken medlemmerne skal svare på invitationen.");
        }

        if (deadline < now + options.MinimumResponseTime || deadline > now + options.MaximumResponseTime)
        {
            throw new ValidationException("response_deadline",
                $"The deadline must be between {options.MinimumResponseTime.TotalHours:0} hours and {options.MaximumResponseTime.TotalDays:0} days from now.",
                $"Fristen skal ligge mellem {options.MinimumResponseTime.TotalHours:0} timer og {options.MaximumResponseTime.TotalDays:0} dage fra nu.");
        }
    }

    /// <summary>Throws unless both parts of an invitation link are given.</summary>
    public static void ValidateLink(string invitationId, string token) =>
        new FieldViolations()
            .Required("invitation_id", invitationId, "the invitation id from the link", "invitationens id fra linket")
            .Required("token", token, "the token from the invitation link", "nøglen fra invitationslinket")
            .ThrowIfAny();

    public static NotFoundException UnknownLink() => new(
        "No invitation has this id and link. Use the link from your invitation exactly as it is.",
        "Der findes ingen invitation med dette id og link. Brug linket fra din invitation præcis, som det er.");

    /// <summary>Throws unless the invitation is still open for an answer.</summary>
    public static void EnsureAnswerable(PanelInvitation invitation, DateTimeOffset now)
    {
        switch (invitation.Status)
        {
            case InvitationStatus.Accepted or InvitationStatus.Declined:
                throw new FailedPreconditionException(
                    $"This invitation was answered already ({invitation.Status.ToString().ToLowerInvariant()}); an answer cannot be given again through the link. Contact the coordinator to change it.",
                    $"Invitationen er allerede besvaret ({(invitation.Status == InvitationStatus.Accepted ? "takket ja" : "takket nej")}); et svar kan ikke gives igen via linket. Kontakt koordinatoren, hvis du vil ændre det.");
            case InvitationStatus.Withdrawn:
                throw Withdrawn();
            case InvitationStatus.Expired:
                throw Expired();
        }

        if (invitation.Deadline <= now)
        {
            throw Expired();
        }
    }

    /// <summary>Throws unless the member may see case material: accepted, and bound by the confidentiality terms.</summary>
    public static void EnsureMaySeeCaseMaterial(PanelInvitation invitation)
    {
        if (invitation.Status != InvitationStatus.Accepted)
        {
            throw new PermissionDeniedException(
                "Only members who have accepted their invitation take part in the panel's work.",
                "Kun medlemmer, der har takket ja til invitationen, deltager i panelets arbejde.");
        }

        if (invitation.ConfidentialityAcceptedAt is null)
        {
            throw new FailedPreconditionException(
                "Accept the confidentiality terms (tavshedspligt) first; the case material is shown only after that.",
                "Accepter først tavshedspligten; sagens materiale vises først derefter.");
        }
    }

    public static FailedPreconditionException Withdrawn() => new(
        "The member has withdrawn from the Citizens' Panel, so this invitation no longer applies.",
        "Medlemmet har meldt sig ud af Borgerpanelet, så invitationen gælder ikke længere.");

    private static FailedPreconditionException Expired() => new(
        "The deadline for answering this invitation has passed, and the seat goes to a reserve. Contact the coordinator if you still want to take part.",
        "Fristen for at svare på invitationen er overskredet, og pladsen går til en reserve. Kontakt koordinatoren, hvis du stadig gerne vil deltage.");
}
