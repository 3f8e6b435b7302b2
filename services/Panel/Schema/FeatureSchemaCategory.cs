namespace Civic.Panel.Schema;

/// <summary>A category of the municipality's feature schema (e.g. age band). The key (<see cref="Category"/>) never changes.</summary>
public sealed class FeatureSchemaCategory
{
    public required string Category { get; init; }

    /// <summary>Danish label, shown at sign-up and to staff.</summary>
    public required string Label { get; set; }

    public required string LabelEn { get; set; }

    /// <summary>Order among the categories, from 0.</summary>
    public int Position { get; set; }

    /// <summary>The category Convene's "required lived experience" names values of; at most one is marked.</summary>
    public bool LivedExperience { get; set; }

    /// <summary>Set when the category is no longer asked at sign-up; members who hold its values keep them.</summary>
    public DateTimeOffset? RetiredAt { get; set; }
}

/// <summary>The one row of feature_schema_version: the schema's version, which every change claims the next of.</summary>
public sealed class FeatureSchemaVersion
{
    public int Id { get; init; }

    public long Version { get; set; }
}
