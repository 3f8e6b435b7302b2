using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Civic.Network.ResourcePersons;

/// <summary>Maps <see cref="ResourcePerson"/> to the resource_persons table (Migrations/0001, 0002, 0015).</summary>
public sealed class ResourcePersonConfiguration : IEntityTypeConfiguration<ResourcePerson>
{
    public void Configure(EntityTypeBuilder<ResourcePerson> builder)
    {
        builder.ToTable("resource_persons");
        builder.HasKey(p => p.Id);

        // Stored as comma-separated lists of names ("Danish,English"): readable, and the same on both providers.
        NameList(builder.Property(p => p.Languages));
        NameList(builder.Property(p => p.PublicFields));
        builder.Property(p => p.Visibility).HasConversion<string>();
        builder.Property(p => p.Kind).HasConversion<string>();
        builder.Ignore(p => p.IsStale);
    }

    private static void NameList<TEnum>(PropertyBuilder<List<TEnum>> property)
        where TEnum : struct, Enum =>
        property.HasConversion(
            values => string.Join(',', values),
            text => text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<TEnum>).ToList(),
            new ValueComparer<List<TEnum>>(
                (left, right) => left!.SequenceEqual(right!),
                values => values.Aggregate(0, (hash, value) => HashCode.Combine(hash, value)),
                values => values.ToList()));
}
