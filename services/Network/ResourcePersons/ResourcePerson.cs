namespace Civic.Network.ResourcePersons;

/// <summary>A language a resource person can work in.</summary>
public enum WorkingLanguage
{
    Danish,
    English,
    Other,
}

/// <summary>Where a profile may be seen.</summary>
public enum Visibility
{
    /// <summary>Staff of the municipality only: the default.</summary>
    Internal,

    /// <summary>Also citizens and civil-society partners.</summary>
    Public,
}

/// <summary>A staff member or civil-society partner with co-creation or navigation skills, available across departments.</summary>
public sealed class ResourcePerson
{
    public required string Id { get; init; }

    public required string DisplayName { get; set; }

    /// <summary>Department code, or the name of the civil-society organisation.</summary>
    public required string Organisation { get; set; }

    public List<string> Competences { get; set; } = [];

    public List<string> ChallengeAreas { get; set; } = [];

    public List<WorkingLanguage> Languages { get; set; } = [];

    /// <summary>Hours a month the manager has set aside for the network.</summary>
    public int CapacityHoursPerMonth { get; set; }

    public Visibility Visibility { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>What it takes to register a resource person.</summary>
public sealed record NewResourcePerson(
    string DisplayName,
    string Organisation,
    IReadOnlyList<string> Competences,
    IReadOnlyList<string> ChallengeAreas,
    IReadOnlyList<WorkingLanguage> Languages,
    int CapacityHoursPerMonth,
    Visibility Visibility);
