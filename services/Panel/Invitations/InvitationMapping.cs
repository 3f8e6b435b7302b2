using Google.Protobuf.WellKnownTypes;
using InvitationMessage = Civic.Contracts.Panel.V1.Invitation;
using InvitationStatusMessage = Civic.Contracts.Panel.V1.InvitationStatus;

namespace Civic.Panel.Invitations;

/// <summary>Between civic.panel.v1 invitation messages and the domain.</summary>
public static class InvitationMapping
{
    public static InvitationMessage ToMessage(PanelInvitation invitation) => new()
    {
        Id = invitation.Id,
        CaseId = invitation.CaseId,
        DrawId = invitation.DrawId,
        MemberId = invitation.MemberId,
        Status = invitation.Status switch
        {
            InvitationStatus.Pending => InvitationStatusMessage.Pending,
            InvitationStatus.Accepted => InvitationStatusMessage.Accepted,
            InvitationStatus.Declined => InvitationStatusMessage.Declined,
            InvitationStatus.Expired => InvitationStatusMessage.Expired,
            InvitationStatus.Withdrawn => InvitationStatusMessage.Withdrawn,
            _ => InvitationStatusMessage.Unspecified,
        },
        SentAt = Timestamp.FromDateTimeOffset(invitation.SentAt),
        Deadline = Timestamp.FromDateTimeOffset(invitation.Deadline),
        AnsweredAt = invitation.AnsweredAt is { } answered ? Timestamp.FromDateTimeOffset(answered) : null,
        ConfidentialityAcceptedAt = invitation.ConfidentialityAcceptedAt is { } accepted ? Timestamp.FromDateTimeOffset(accepted) : null,
        ReplacesInvitationId = invitation.ReplacesInvitationId ?? string.Empty,
        SeatUnfilled = invitation.SeatUnfilled,
    };
}
