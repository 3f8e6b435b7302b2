namespace Civic.Hotline.Bookings;

public enum TopicKind
{
    Question = 1,
    Idea = 2,
    Complaint = 3,
    Other = 4,
}

public enum BookingStatus
{
    Booked = 1,
    Cancelled = 2,

    /// <summary>On the waitlist of its session (Migrations/0009); no seat yet.</summary>
    Waitlisted = 3,

    /// <summary>Offered a seat from the waitlist until <see cref="Booking.OfferExpiresAt"/>; the seat is taken for it meanwhile.</summary>
    Offered = 4,

    /// <summary>Asked for a lottery session (Migrations/0010); the draw books it or puts it on the waitlist. No seat yet.</summary>
    Requested = 5,
}

public enum BookingLanguage
{
    Danish = 1,
    English = 2,
    Other = 3,
}

/// <summary>A citizen's booked call. The manage token is never stored, only its SHA-256 hash.</summary>
public sealed class Booking
{
    public required string Id { get; init; }

    /// <summary>Human-readable and unique, e.g. "DL-7K3M9Q2P".</summary>
    public required string Reference { get; init; }

    public required string ManageTokenHash { get; init; }

    /// <summary>The client's key for the request that made the booking; a retry with it gets this booking back.</summary>
    public required string IdempotencyKey { get; init; }

    public required string DepartmentId { get; init; }

    public required string SessionId { get; set; }

    public required string SlotId { get; set; }

    /// <summary>When the booked slot starts; kept here so limits and lists need no join.</summary>
    public DateTimeOffset SlotStartsAt { get; set; }

    /// <summary>The session's month in Europe/Copenhagen, "yyyy-MM", for the per-phone monthly limits.</summary>
    public required string SessionMonth { get; set; }

    public required string Name { get; init; }

    /// <summary>E.164.</summary>
    public required string Phone { get; init; }

    public string? Email { get; init; }

    public TopicKind TopicKind { get; init; }

    public required string Description { get; init; }

    public BookingLanguage Language { get; init; }

    public string? Needs { get; init; }

    public DateTimeOffset ConsentedAt { get; init; }

    public BookingStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? CancelledAt { get; set; }

    /// <summary>When the reminder a day before went into the outbox (Migrations/0008); cleared when the booking moves.</summary>
    public DateTimeOffset? DayReminderSentAt { get; set; }

    /// <summary>When the reminder an hour before went into the outbox; cleared when the booking moves.</summary>
    public DateTimeOffset? HourReminderSentAt { get; set; }

    /// <summary>Set when the municipality cancelled the session: until then the citizen may rebook with priority through the manage link.</summary>
    public DateTimeOffset? RebookUntil { get; set; }

    /// <summary>For <see cref="BookingStatus.Offered"/>: when the waitlist offer lapses.</summary>
    public DateTimeOffset? OfferExpiresAt { get; set; }

    /// <summary>A lottery request's place in its session's draw (Migrations/0013), 0 first; a loser waits in this order.</summary>
    public int? DrawPosition { get; set; }

    /// <summary>How the call went; null until the director records it.</summary>
    public CallResult? Result { get; set; }

    public string? OutcomeSummary { get; set; }

    public string? FollowUps { get; set; }

    public ReferralKind? Referral { get; set; }

    public string? ReferralNote { get; set; }

    public bool EscalateToPanel { get; set; }

    public string? EscalationNote { get; set; }

    public DateTimeOffset? OutcomeRecordedAt { get; set; }

    /// <summary>When the retention job erased the contact data (Migrations/0011); name, phone and texts are empty since.</summary>
    public DateTimeOffset? ContactDataErasedAt { get; set; }

    public string? OutcomeRecordedBy { get; set; }
}

public enum CallResult
{
    Answered = 1,
    NoShow = 2,
}

/// <summary>Where a citizen was referred after a call (the journey to the Network service).</summary>
public enum ReferralKind
{
    None = 1,
    Navigator = 2,
    ResourcePerson = 3,
}

/// <summary>What a citizen sends to book a call, not yet checked.</summary>
public sealed record NewBooking(
    string SlotId,
    string Name,
    string Phone,
    string Email,
    TopicKind? TopicKind,
    string Description,
    BookingLanguage? Language,
    string Needs,
    bool Consent,
    string IdempotencyKey,
    string? HoldId = null);

/// <summary>A booking request that passed <see cref="BookingRules.Validate"/>: trimmed, phone in E.164.</summary>
public sealed record ValidBooking(
    string SlotId, string Name, string Phone, string? Email, TopicKind TopicKind, string Description, BookingLanguage Language, string? Needs, string IdempotencyKey);
