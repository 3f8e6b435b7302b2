namespace Civic.Panel.Pool;

/// <summary>Whether a volunteer can be drawn.</summary>
public enum PoolMemberStatus
{
    Active,
    Withdrawn,
}

/// <summary>A volunteer in the standing pool, with their values of the municipality's feature schema.</summary>
public sealed class PoolMember
{
    public required string Id { get; init; }

    public required string Name { get; set; }

    public required string Email { get; set; }

    /// <summary>Members with the same key live together; at most one of them sits on a panel.</summary>
    public string? HouseholdKey { get; set; }

    /// <summary>Category → value, every one in the feature schema.</summary>
    public required Dictionary<string, string> Features { get; set; }

    public PoolMemberStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>One value of one category in the municipality's feature schema, with its Danish label.</summary>
public sealed class FeatureSchemaValue
{
    public required string Category { get; init; }

    public required string Value { get; init; }

    public required string Label { get; set; }
}
