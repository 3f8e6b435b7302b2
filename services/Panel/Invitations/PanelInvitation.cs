namespace Civic.Panel.Invitations;

/// <summary>Where an invitation stands.</summary>
public enum InvitationStatus
{
    Pending,
    Accepted,
    Declined,
    Expired,

    /// <summary>The member left the pool after being invited.</summary>
    Withdrawn,
}

/// <summary>
/// One drawn (or replacing) member's invitation to sit on a case's panel. The link's token is never
/// stored, only its SHA-256 hash.
/// </summary>
public sealed class PanelInvitation
{
    public required string Id { get; init; }

    public required string CaseId { get; init; }

    public required string DrawId { get; init; }

    public required string MemberId { get; init; }

    public required string TokenHash { get; init; }

    public InvitationStatus Status { get; set; }

    public DateTimeOffset SentAt { get; init; }

    public DateTimeOffset Deadline { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }

    /// <summary>When the member was reminded to answer (Migrations/0008); null: not reminded.</summary>
    public DateTimeOffset? RemindedAt { get; set; }

    public DateTimeOffset? ConfidentialityAcceptedAt { get; set; }

    public string? ConfidentialityVersion { get; set; }

    /// <summary>The invitation whose seat this one took over, or null for a drawn member's own.</summary>
    public string? ReplacesInvitationId { get; init; }

    /// <summary>True when this seat was given up and no reserve could take it without breaking a quota or the household rule.</summary>
    public bool SeatUnfilled { get; set; }

    /// <summary>Whether the member holds (or may still take) a seat.</summary>
    public bool HoldsSeat => Status is InvitationStatus.Pending or InvitationStatus.Accepted;

    /// <summary>A panel member in the full sense: accepted, and bound by the confidentiality terms.</summary>
    public bool MaySeeCaseMaterial => Status == InvitationStatus.Accepted && ConfidentialityAcceptedAt is not null;
}
