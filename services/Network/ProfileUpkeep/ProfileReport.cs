namespace Civic.Network.ProfileUpkeep;

public enum ProfileReportStatus
{
    Open,
    Resolved,
}

/// <summary>Someone's report that a profile is inaccurate, until its owner or a coordinator resolves it.</summary>
public sealed class ProfileReport
{
    public required string Id { get; init; }

    public required string PersonId { get; init; }

    /// <summary>The profile's name when reported, so the list reads without loading every profile.</summary>
    public required string PersonName { get; init; }

    /// <summary>The profile's owner when reported: whose list the report lands on.</summary>
    public required string OwnerId { get; init; }

    public required string Reason { get; init; }

    /// <summary>Empty when the reporter was not signed in.</summary>
    public string ReporterId { get; init; } = string.Empty;

    public string ReporterName { get; init; } = string.Empty;

    public ProfileReportStatus Status { get; set; }

    public string Resolution { get; set; } = string.Empty;

    public string ResolvedBy { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? ResolvedAt { get; set; }
}
