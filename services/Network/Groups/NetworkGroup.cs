namespace Civic.Network.Groups;

/// <summary>A formalised network across departments and civil society around one challenge area.</summary>
public sealed class NetworkGroup
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    /// <summary>One of <see cref="Taxonomy.CompetenceTaxonomy.ChallengeAreas"/>.</summary>
    public required string ChallengeArea { get; init; }

    public string Description { get; init; } = string.Empty;

    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>A resource person's membership of a group.</summary>
public sealed class GroupMembership
{
    public required string GroupId { get; init; }

    public required string ResourcePersonId { get; init; }

    public DateTimeOffset JoinedAt { get; init; }
}

/// <summary>A plain-text notice on a group's board.</summary>
public sealed class GroupNotice
{
    public required string Id { get; init; }

    public required string GroupId { get; init; }

    /// <summary>The poster's user id, for accountability; the name is what is shown.</summary>
    public required string AuthorUserId { get; init; }

    public required string AuthorName { get; init; }

    public required string Text { get; init; }

    public DateTimeOffset PostedAt { get; init; }
}
