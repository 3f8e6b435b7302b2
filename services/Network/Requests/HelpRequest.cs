using Civic.Network.ResourcePersons;

namespace Civic.Network.Requests;

public enum HelpRequestStatus
{
    Queued,
    Proposed,
    Accepted,
    Approved,
    Completed,
}

/// <summary>A resource person's answer to a request sent to them.</summary>
public enum HelpResponse
{
    Accept,
    Decline,
    Unavailable,
}

/// <summary>A request for help from the network, from asking to completion.</summary>
public sealed class HelpRequest
{
    public required string Id { get; init; }

    public required string Need { get; init; }

    public List<string> CompetenceIds { get; init; } = [];

    public DateOnly StartDate { get; init; }

    public DateOnly EndDate { get; init; }

    public int Hours { get; init; }

    public WorkingLanguage Language { get; init; }

    /// <summary>The person asked; null while the request waits in the coordinators' queue.</summary>
    public string? PersonId { get; set; }

    public string PersonName { get; set; } = string.Empty;

    public HelpRequestStatus Status { get; set; }

    public HelpResponse? LastResponse { get; set; }

    public required string RequesterId { get; init; }

    public string RequesterName { get; init; } = string.Empty;

    public string RequesterDepartment { get; init; } = string.Empty;

    /// <summary>1–5, given on completion.</summary>
    public int Rating { get; set; }

    public string Feedback { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The last reminder (<see cref="RequestFollowUpJob"/>); it belongs to the current status only when after <see cref="UpdatedAt"/>.</summary>
    public DateTimeOffset? RemindedAt { get; set; }

    /// <summary>When the person left the request unanswered so long that it went to the coordinators' queue.</summary>
    public DateTimeOffset? EscalatedAt { get; set; }

    /// <summary>The name of the person who left it unanswered.</summary>
    public string EscalatedFrom { get; set; } = string.Empty;
}

/// <summary>What a requester asks for.</summary>
public sealed record NewHelpRequest(
    string Need,
    IReadOnlyList<string> CompetenceIds,
    DateOnly StartDate,
    DateOnly EndDate,
    int Hours,
    WorkingLanguage Language,
    string? PersonId);
