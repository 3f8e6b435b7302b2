namespace Civic.Hotline.Schedules;

/// <summary>One dated telephone window of a department's director, materialised from a rule.</summary>
public sealed class Session
{
    public required string Id { get; init; }

    public required string DepartmentId { get; init; }

    public required string RuleId { get; init; }

    /// <summary>The rule's day for the month; with <see cref="RuleId"/> it identifies the session, so materialising twice adds nothing.</summary>
    public DateOnly NominalDate { get; init; }

    /// <summary>The day the session is held in Europe/Copenhagen (later than <see cref="NominalDate"/> when a holiday moved it).</summary>
    public DateOnly Date { get; init; }

    public DateTimeOffset StartsAt { get; init; }

    public DateTimeOffset EndsAt { get; init; }

    public DateTimeOffset BookingOpensAt { get; init; }

    public DateTimeOffset BookingClosesAt { get; init; }

    public DateTimeOffset? CancelledAt { get; set; }

    /// <summary>Why the municipality cancelled it (Migrations/0009), told to every booked citizen.</summary>
    public string? CancelReason { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public List<Slot> Slots { get; init; } = [];
}

/// <summary>A time in a session; <see cref="Booked"/> never exceeds <see cref="Capacity"/> (a database check holds it).</summary>
public sealed class Slot
{
    public required string Id { get; init; }

    public required string SessionId { get; init; }

    public DateTimeOffset StartsAt { get; init; }

    public DateTimeOffset EndsAt { get; init; }

    public int Capacity { get; init; }

    public int Booked { get; set; }
}
