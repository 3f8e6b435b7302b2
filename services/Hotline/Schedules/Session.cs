namespace Civic.Hotline.Schedules;

/// <summary>One dated telephone window of a department's director, materialised from a rule.</summary>
public sealed class Session
{
    public required string Id { get; init; }

    public required string DepartmentId { get; init; }

    public required string RuleId { get; init; }

    /// <summary>The <see cref="ScheduleRule.Version"/> that gave the session, or that kept it through a change (Migrations/0012).</summary>
    public int RuleVersion { get; init; } = 1;

    /// <summary>The rule's day for the month; with <see cref="RuleId"/> it identifies the session, so materialising twice adds nothing.</summary>
    public DateOnly NominalDate { get; init; }

    /// <summary>The day the session is held in Europe/Copenhagen (later than <see cref="NominalDate"/> when a holiday moved it).</summary>
    public DateOnly Date { get; init; }

    /// <summary>The month the session counts in for the per-phone limits, "yyyy-MM" (the session's date is already Danish).</summary>
    public string Month => Date.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    public DateTimeOffset StartsAt { get; init; }

    public DateTimeOffset EndsAt { get; init; }

    public DateTimeOffset BookingOpensAt { get; init; }

    public DateTimeOffset BookingClosesAt { get; init; }

    public DateTimeOffset? CancelledAt { get; set; }

    /// <summary>Why the municipality cancelled it (Migrations/0009), told to every booked citizen.</summary>
    public string? CancelReason { get; set; }

    /// <summary>
    /// Set with <see cref="CancelledAt"/> when a rule change replaced the session while only citizen-cancelled bookings
    /// pointed at it (Migrations/0013): kept for their history, listed and counted nowhere, as if removed.
    /// </summary>
    public DateTimeOffset? ReplacedAt { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>For a lottery session (Migrations/0010): citizens ask for it until then, and then the seats are drawn.</summary>
    public DateTimeOffset? RequestWindowClosesAt { get; init; }

    /// <summary>When the lottery was drawn (claimed by a conditional update, so a draw happens once).</summary>
    public DateTimeOffset? DrawnAt { get; set; }

    /// <summary>The draw's seed, kept so anyone can re-run the draw and get the same allocation.</summary>
    public long? DrawSeed { get; set; }

    /// <summary>When the morning call list went to the department (Migrations/0011).</summary>
    public DateTimeOffset? CallListSentAt { get; set; }

    /// <summary>True while nobody may book the session directly: its lottery has not been drawn yet.</summary>
    public bool AwaitsDraw => RequestWindowClosesAt is not null && DrawnAt is null;

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

    public bool IsFull => Booked >= Capacity;
}
