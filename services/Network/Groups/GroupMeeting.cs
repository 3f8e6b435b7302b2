namespace Civic.Network.Groups;

/// <summary>A meeting of a network group: when, where (a place, an online link or both) and its agenda.</summary>
public sealed class GroupMeeting
{
    public required string Id { get; init; }

    public required string GroupId { get; init; }

    public required string Title { get; init; }

    public DateTimeOffset StartsAt { get; init; }

    public DateTimeOffset EndsAt { get; init; }

    public string Place { get; init; } = string.Empty;

    /// <summary>An https link to the online meeting; empty when it is only in person.</summary>
    public string OnlineUrl { get; init; } = string.Empty;

    public string Agenda { get; init; } = string.Empty;

    /// <summary>The coordinator's user id, for accountability.</summary>
    public required string ScheduledBy { get; init; }

    public DateTimeOffset ScheduledAt { get; init; }
}

/// <summary>What it takes to schedule a meeting.</summary>
public sealed record NewGroupMeeting(string Title, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, string Place, string OnlineUrl, string Agenda);
