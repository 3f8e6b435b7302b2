namespace Civic.Panel.Pool;

/// <summary>Where a volunteer is in the pool.</summary>
public enum PoolMemberStatus
{
    /// <summary>Signed up online; waits for the confirmation link to be opened. Never drawn.</summary>
    Pending,

    Active,

    /// <summary>Left the pool or erased: the row keeps only anonymous statistics (no name, contact or features).</summary>
    Withdrawn,
}

/// <summary>Why a member's personal data was erased.</summary>
public enum DepartureReason
{
    Withdrew,
    ConsentExpired,
    NeverConfirmed,

    /// <summary>Did nothing for Panel:Pool:InactivityMonths and did not answer the reminder.</summary>
    Inactive,
}

/// <summary>A volunteer in the standing pool, with their values of the municipality's feature schema.</summary>
public sealed class PoolMember
{
    public required string Id { get; init; }

    public required string Name { get; set; }

    public required string Email { get; set; }

    public string? Phone { get; set; }

    /// <summary>Members with the same key live together; at most one of them sits on a panel.</summary>
    public string? HouseholdKey { get; set; }

    /// <summary>Category → value, every one in the feature schema.</summary>
    public required Dictionary<string, string> Features { get; set; }

    public string Availability { get; set; } = string.Empty;

    public List<string> Languages { get; set; } = [];

    public PoolMemberStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? ConfirmedAt { get; set; }

    public string ConsentTextVersion { get; set; } = string.Empty;

    public string ConsentScope { get; set; } = string.Empty;

    public DateTimeOffset? ConsentGivenAt { get; set; }

    /// <summary>For assisted sign-up: "name (id)" of the employee the consent was given to.</summary>
    public string? ConsentGivenTo { get; set; }

    public DateTimeOffset? ConsentExpiresAt { get; set; }

    /// <summary>When the member was last asked to renew their consent (null: not asked for the current consent).</summary>
    public DateTimeOffset? RenewalRequestedAt { get; set; }

    /// <summary>When the member was asked whether they still want to be in the pool after a long inactive spell (null: not asked since they last acted).</summary>
    public DateTimeOffset? InactivityRemindedAt { get; set; }

    public DateTimeOffset? WithdrawnAt { get; set; }

    public DepartureReason? DepartureReason { get; set; }
}

/// <summary>One value of one category in the municipality's feature schema. The key (<see cref="Value"/>) never changes.</summary>
public sealed class FeatureSchemaValue
{
    public required string Category { get; init; }

    public required string Value { get; init; }

    /// <summary>Danish label, shown at sign-up.</summary>
    public required string Label { get; set; }

    public string LabelEn { get; set; } = string.Empty;

    /// <summary>Order within the category, from 0.</summary>
    public int Position { get; set; }

    /// <summary>Set when the value is no longer offered at sign-up; members who hold it keep it.</summary>
    public DateTimeOffset? RetiredAt { get; set; }
}

/// <summary>What a member link or confirmation link opens.</summary>
public enum MemberLinkPurpose
{
    Confirm,
    Member,
}

/// <summary>
/// A link issued to a member: only the hash of its token is kept. Removing the row revokes the link
/// (a used confirmation link, or every link of an erased member).
/// </summary>
public sealed class MemberLink
{
    public required string TokenHash { get; init; }

    public required string MemberId { get; init; }

    public MemberLinkPurpose Purpose { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
