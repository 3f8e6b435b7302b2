namespace Civic.Panel.Cases;

/// <summary>The four co-creation types, on the axes "who is the central actor" and "how predictable must the outcome be".</summary>
public enum CoCreationType
{
    /// <summary>Not chosen yet: the type is settled in the Afklaring phase.</summary>
    Unspecified,

    /// <summary>Ligeværdig.</summary>
    Equal,

    /// <summary>Styret.</summary>
    Steered,

    /// <summary>Faciliterende.</summary>
    Facilitating,

    /// <summary>Ansvarliggørende.</summary>
    Empowering,
}

/// <summary>Afklaring → Samskabelse (planlægning, udførelse) → Erkendelse → closed.</summary>
public enum CasePhase
{
    Clarification,
    Planning,
    Execution,
    Realisation,
    Closed,
}

/// <summary>A particularly difficult case (vanskelig sag) that a citizens' panel is involved in. Its texts are pseudonymised.</summary>
public sealed class Case
{
    public required string Id { get; init; }

    public required string Title { get; set; }

    public required string Summary { get; set; }

    /// <summary>Code of the owning department, as in the Hotline service.</summary>
    public required string OwningDepartment { get; set; }

    public CoCreationType CoCreationType { get; set; }

    public CasePhase Phase { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>What the panel decides or shapes vs. is consulted on; empty until set, required before convening.</summary>
    public string ScopeOfInfluence { get; set; } = string.Empty;
}

/// <summary>One logged move of a case from one phase to the next.</summary>
public sealed class CasePhaseTransition
{
    public required string Id { get; init; }

    public required string CaseId { get; init; }

    public CasePhase FromPhase { get; init; }

    public CasePhase ToPhase { get; init; }

    /// <summary>Subject of the employee who made the change.</summary>
    public required string ChangedBy { get; init; }

    public required string Reason { get; init; }

    public DateTimeOffset ChangedAt { get; init; }
}

/// <summary>What it takes to open a case.</summary>
public sealed record NewCase(string Title, string Summary, string OwningDepartment, CoCreationType CoCreationType);
