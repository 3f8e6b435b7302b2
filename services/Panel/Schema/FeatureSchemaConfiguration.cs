using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Civic.Panel.Schema;

/// <summary>Maps <see cref="FeatureSchemaCategory"/> to feature_categories (Migrations/0009).</summary>
public sealed class FeatureSchemaCategoryConfiguration : IEntityTypeConfiguration<FeatureSchemaCategory>
{
    public void Configure(EntityTypeBuilder<FeatureSchemaCategory> builder)
    {
        builder.ToTable("feature_categories");
        builder.HasKey(c => c.Category);
    }
}

/// <summary>Maps <see cref="FeatureSchemaVersion"/> to feature_schema_version (Migrations/0009).</summary>
public sealed class FeatureSchemaVersionConfiguration : IEntityTypeConfiguration<FeatureSchemaVersion>
{
    public void Configure(EntityTypeBuilder<FeatureSchemaVersion> builder)
    {
        builder.ToTable("feature_schema_version");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();
    }
}
