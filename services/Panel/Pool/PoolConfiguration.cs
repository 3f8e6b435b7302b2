using System.Text.Json;
using Civic.Hosting.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Civic.Panel.Pool;

/// <summary>Maps <see cref="PoolMember"/> to pool_members (Migrations/0002, 0004); features and languages are JSON text columns.</summary>
public sealed class PoolMemberConfiguration : IEntityTypeConfiguration<PoolMember>
{
    public void Configure(EntityTypeBuilder<PoolMember> builder)
    {
        builder.ToTable("pool_members");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Status).HasConversion<string>();
        builder.Property(m => m.DepartureReason).HasConversion<string>();
        builder.Property(m => m.Features).HasConversion(
            features => JsonSerializer.Serialize(features, (JsonSerializerOptions?)null),
            json => JsonSerializer.Deserialize<Dictionary<string, string>>(json, (JsonSerializerOptions?)null) ?? new Dictionary<string, string>(),
            new ValueComparer<Dictionary<string, string>>(
                (a, b) => a != null && b != null && a.Count == b.Count && !a.Except(b).Any(),
                d => d.Aggregate(0, (hash, pair) => hash ^ pair.GetHashCode()),
                d => new Dictionary<string, string>(d)));
        builder.Property(m => m.Languages).HasJsonListConversion();
    }
}

/// <summary>Maps <see cref="FeatureSchemaValue"/> to feature_schema_values (Migrations/0002, 0009).</summary>
public sealed class FeatureSchemaValueConfiguration : IEntityTypeConfiguration<FeatureSchemaValue>
{
    public void Configure(EntityTypeBuilder<FeatureSchemaValue> builder)
    {
        builder.ToTable("feature_schema_values");
        builder.HasKey(v => new { v.Category, v.Value });
    }
}

/// <summary>Maps <see cref="MemberLink"/> to member_links (Migrations/0004).</summary>
public sealed class MemberLinkConfiguration : IEntityTypeConfiguration<MemberLink>
{
    public void Configure(EntityTypeBuilder<MemberLink> builder)
    {
        builder.ToTable("member_links");
        builder.HasKey(l => l.TokenHash);
        builder.Property(l => l.Purpose).HasConversion<string>();
        // Declared so EF inserts a new member before their first link in one SaveChanges.
        builder.HasOne<PoolMember>().WithMany().HasForeignKey(l => l.MemberId);
    }
}
