namespace Civic.Hotline.Departments;

/// <summary>A department (forvaltning) whose director takes citizens' calls.</summary>
public sealed class Department
{
    public required string Id { get; init; }

    /// <summary>Short stable code: lower-case letters, digits and '-', e.g. "boern-og-unge".</summary>
    public required string Code { get; init; }

    public required string NameDa { get; set; }

    public required string NameEn { get; set; }

    /// <summary>The director's name as shown to citizens.</summary>
    public required string DirectorName { get; set; }

    /// <summary>What citizens typically call about, for routing.</summary>
    public List<string> Topics { get; set; } = [];

    /// <summary>Deputies who can take over a session when the director cannot.</summary>
    public List<string> DeputyNames { get; set; } = [];

    /// <summary>Takes calls from citizens who do not know which department to ask, and passes them on.</summary>
    public bool TakesUnsureCitizens { get; set; }

    /// <summary>The department's own e-mail address for notices to it (Migrations/0011); optional.</summary>
    public string? ContactEmail { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>What it takes to register a department.</summary>
public sealed record NewDepartment(
    string Code, string NameDa, string NameEn, string DirectorName, IReadOnlyList<string> Topics,
    IReadOnlyList<string>? DeputyNames = null, bool TakesUnsureCitizens = false, string? ContactEmail = null)
{
    public IReadOnlyList<string> Deputies => DeputyNames ?? [];
}
