using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Civic.Network.ResourcePersons;

/// <summary>Maps <see cref="ResourcePerson"/> to the resource_persons table (Migrations/0001).</summary>
public sealed class ResourcePersonConfiguration : IEntityTypeConfiguration<ResourcePerson>
{
    public void Configure(EntityTypeBuilder<ResourcePerson> builder)
    {
        builder.ToTable("resource_persons");
        builder.HasKey(p => p.Id);

        // Stored as a comma-separated list of names ("Danish,English"): readable, and the same on both providers.
        builder.Property(p => p.Languages)
            .HasConversion(
                languages => string.Join(',', languages),
                text => text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<WorkingLanguage>).ToList(),
                new ValueComparer<List<WorkingLanguage>>(
                    (left, right) => left!.SequenceEqual(right!),
                    languages => languages.Aggregate(0, (hash, language) => HashCode.Combine(hash, language)),
                    languages => languages.ToList()));
        builder.Property(p => p.Visibility).HasConversion<string>();
    }
}
