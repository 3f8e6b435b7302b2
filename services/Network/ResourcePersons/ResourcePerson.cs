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

    /// <summary>Also citizens and civil-society partners, with the fields in <see cref="ResourcePerson.PublicFields"/>.</summary>
    Public,
}

/// <summary>On the municipality's staff, or from civil society.</summary>
public enum PersonKind
{
    Staff,
    Partner,
}

/// <summary>A field the owner may share on a public profile. The name and kind always show; manager and owner never do.</summary>
public enum ProfileField
{
    Organisation,
    Role,
    Competences,
    ChallengeAreas,
    ServicesKnown,
    Languages,
    Capacity,
    Description,
}

/// <summary>A staff member or civil-society partner with co-creation or navigation skills, available across departments.</summary>
public sealed class ResourcePerson
{
    public required string Id { get; init; }

    public required string DisplayName { get; set; }

    public PersonKind Kind { get; set; }

    /// <summary>Department code, or the name of the civil-society organisation.</summary>
    public required string Organisation { get; set; }

    /// <summary>Role or job title.</summary>
    public string Role { get; set; } = string.Empty;

    /// <summary>Ids from <see cref="Taxonomy.CompetenceTaxonomy"/>.</summary>
    public List<string> CompetenceIds { get; set; } = [];

    /// <summary>Other competences, in the person's own words: the taxonomy's "other" field.</summary>
    public List<string> Competences { get; set; } = [];

    public List<string> ChallengeAreas { get; set; } = [];

    /// <summary>Codes from <see cref="Taxonomy.ServiceTaxonomy"/> (KLE main groups) of the municipal services the person knows their way around.</summary>
    public List<string> ServiceCodes { get; set; } = [];

    /// <summary>Other municipal services, in the person's own words: the service taxonomy's "other" field.</summary>
    public List<string> ServicesKnown { get; set; } = [];

    public List<WorkingLanguage> Languages { get; set; } = [];

    /// <summary>Hours a month the manager has set aside for the network.</summary>
    public int CapacityHoursPerMonth { get; set; }

    /// <summary>Self-description: ranked below competences and evidence.</summary>
    public string Description { get; set; } = string.Empty;

    /// <summary>The user id of the manager who approves the person's hours.</summary>
    public string ManagerId { get; set; } = string.Empty;

    /// <summary>The user id of the person.</summary>
    public string OwnerId { get; set; } = string.Empty;

    /// <summary>The person's work e-mail, for requests, reminders and confirming the profile; empty when not given.</summary>
    public string ContactEmail { get; set; } = string.Empty;

    /// <summary>The manager's work e-mail, for approvals; empty when not given.</summary>
    public string ManagerEmail { get; set; } = string.Empty;

    /// <summary>Only opted-in profiles are found by search.</summary>
    public bool OptedIn { get; set; }

    public Visibility Visibility { get; set; }

    public List<ProfileField> PublicFields { get; set; } = [];

    /// <summary>Requests completed with feedback: the evidence search ranks by.</summary>
    public int CompletedAssignments { get; set; }

    /// <summary>The sum of the requesters' ratings (1–5) of completed assignments.</summary>
    public int FeedbackPoints { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When the profile was last confirmed as accurate: on creation, on each edit, and by ConfirmResourcePerson.</summary>
    public DateTimeOffset ConfirmedAt { get; set; }

    /// <summary>When the daily job last asked the owner to confirm (ProfileUpkeep.StaleProfilesJob); null if never.</summary>
    public DateTimeOffset? ConfirmationRequestedAt { get; set; }

    /// <summary>Asked to confirm and not confirmed since: search ranks it lower and pages mark it.</summary>
    public bool IsStale => ConfirmationRequestedAt is { } asked && asked > ConfirmedAt;
}

/// <summary>What it takes to register (or replace) a resource person's profile.</summary>
public sealed record NewResourcePerson(
    string DisplayName,
    string Organisation,
    IReadOnlyList<string> Competences,
    IReadOnlyList<string> ChallengeAreas,
    IReadOnlyList<WorkingLanguage> Languages,
    int CapacityHoursPerMonth,
    Visibility Visibility)
{
    public PersonKind Kind { get; init; }

    public string Role { get; init; } = string.Empty;

    public IReadOnlyList<string> CompetenceIds { get; init; } = [];

    public IReadOnlyList<string> ServiceCodes { get; init; } = [];

    public IReadOnlyList<string> ServicesKnown { get; init; } = [];

    public string Description { get; init; } = string.Empty;

    public string ManagerId { get; init; } = string.Empty;

    public string OwnerId { get; init; } = string.Empty;

    public string ContactEmail { get; init; } = string.Empty;

    public string ManagerEmail { get; init; } = string.Empty;

    public bool OptedIn { get; init; }

    public IReadOnlyList<ProfileField> PublicFields { get; init; } = [];
}
