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

/// <summary>Groups of phases that rules ask about.</summary>
public static class CasePhases
{
    /// <summary>Erkendelse and closed: the panel's work is done, so no one is invited to it any more.</summary>
    public static readonly CasePhase[] PastCoCreation = [CasePhase.Realisation, CasePhase.Closed];
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

    /// <summary>The coordinating employee's name and stable id (Migrations/0011); empty for cases opened before cases had one.</summary>
    public string CoordinatorName { get; set; } = string.Empty;

    public string CoordinatorSubject { get; set; } = string.Empty;

    /// <summary>What the panel decides or shapes vs. is consulted on; empty until set, required before convening.</summary>
    public string ScopeOfInfluence { get; set; } = string.Empty;

    /// <summary>Why the case has a panel; empty until the brief is written.</summary>
    public string Purpose { get; set; } = string.Empty;

    /// <summary>How the Erkendelse phase tells whether the purpose was met.</summary>
    public List<string> SuccessCriteria { get; set; } = [];

    public List<Stakeholder> Stakeholders { get; set; } = [];

    /// <summary>What the panel is asked, as the members see it.</summary>
    public List<string> PanelQuestions { get; set; } = [];

    /// <summary>Replaces the brief with a validated one.</summary>
    public void Apply(CaseBrief brief)
    {
        Purpose = brief.Purpose;
        SuccessCriteria = [.. brief.SuccessCriteria];
        Stakeholders = [.. brief.Stakeholders];
        PanelQuestions = [.. brief.PanelQuestions];
    }
}

/// <summary>Someone with a stake in a case (a role or a group, pseudonymised) and their interest.</summary>
public sealed record Stakeholder(string Name, string Interest);

/// <summary>A case's brief: its purpose, success criteria, stakeholders and the questions for the panel.</summary>
public sealed record CaseBrief(string Purpose, IReadOnlyList<string> SuccessCriteria, IReadOnlyList<Stakeholder> Stakeholders, IReadOnlyList<string> PanelQuestions);

/// <summary>One logged move of a case from one phase to the next.</summary>
public sealed class CasePhaseTransition
{
    public required string Id { get; init; }

    public required string CaseId { get; init; }

    public CasePhase FromPhase { get; init; }

    public CasePhase ToPhase { get; init; }

    /// <summary>Subject of the employee who made the change.</summary>
    public required string ChangedBy { get; init; }

    /// <summary>Their name, so the history says who in words (Migrations/0012).</summary>
    public required string ChangedByName { get; init; }

    public required string Reason { get; init; }

    public DateTimeOffset ChangedAt { get; init; }
}

/// <summary>What it takes to open a case.</summary>
public sealed record NewCase(string Title, string Summary, string OwningDepartment, CoCreationType CoCreationType);

/// <summary>An employee as a case names its coordinator: their name and stable id ("sub").</summary>
public sealed record CaseEmployee(string Subject, string Name);
