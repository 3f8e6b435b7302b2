namespace Civic.Network.Navigators;

/// <summary>Which of a family's two navigators.</summary>
public enum NavigatorRole
{
    Primary,
    Secondary,
}

/// <summary>A family with its navigators, known only by a pseudonymous reference.</summary>
public sealed class Family
{
    public required string Reference { get; init; }

    public required string Department { get; init; }

    /// <summary>The resource person the family chose.</summary>
    public string? PrimaryNavigatorId { get; set; }

    /// <summary>The resource person the department appointed.</summary>
    public string? SecondaryNavigatorId { get; set; }

    /// <summary>When the job last found the family without a navigator; null while it has both.</summary>
    public DateTimeOffset? FlaggedAt { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
}
