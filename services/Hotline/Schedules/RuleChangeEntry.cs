namespace Civic.Hotline.Schedules;

public enum RuleChangeKind
{
    Created = 1,
    Updated = 2,
    Retired = 3,
}

/// <summary>What happens to coming sessions that hold bookings and no longer fit a changed or retired rule.</summary>
public enum BookedSessionsPolicy
{
    /// <summary>They stay as they are.</summary>
    Keep = 1,

    /// <summary>They are cancelled as the municipality cancels a session: every citizen is told and may rebook with priority.</summary>
    Cancel = 2,
}

/// <summary>A coming session holding <paramref name="Bookings"/> (bookings, offers, waitlist entries, requests) that no longer fits.</summary>
public sealed record AffectedSession(string SessionId, DateOnly Date, DateTimeOffset StartsAt, int Bookings);

/// <summary>What a rule change does to the rule's coming sessions.</summary>
/// <param name="Affected">Sessions with bookings that no longer fit.</param>
/// <param name="Replaced">Sessions without bookings: removed, and given again by the changed rule.</param>
/// <param name="Adjusted">Sessions with bookings that still fit: lines and booking window follow the rule.</param>
public sealed record RuleChangeImpact(IReadOnlyList<AffectedSession> Affected, int Replaced, int Adjusted)
{
    public int AffectedBookings => Affected.Sum(a => a.Bookings);
}

/// <summary>One change of a schedule rule, for the audit (Migrations/0012): who, when, what changed and what it did.</summary>
public sealed class RuleChangeEntry
{
    public required string Id { get; init; }

    public required string RuleId { get; init; }

    public required string DepartmentId { get; init; }

    public RuleChangeKind Kind { get; init; }

    /// <summary>The rule's version after the change.</summary>
    public int Version { get; init; }

    /// <summary>The caller's subject ("sub").</summary>
    public required string ChangedBy { get; init; }

    public required string ChangedByName { get; init; }

    public DateTimeOffset ChangedAt { get; init; }

    /// <summary>"field: before -> after", one per changed setting.</summary>
    public IReadOnlyList<string> Changes { get; init; } = [];

    public BookedSessionsPolicy? BookedSessions { get; init; }

    /// <summary>What the citizens of cancelled sessions were told.</summary>
    public string? Reason { get; init; }

    public int SessionsReplaced { get; init; }

    public int SessionsAdjusted { get; init; }

    public IReadOnlyList<AffectedSession> AffectedSessions { get; init; } = [];

    public int AffectedBookings { get; init; }
}
