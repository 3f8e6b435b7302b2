using Civic.Hosting.Storage;
using Microsoft.EntityFrameworkCore;
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
        builder.Property(p => p.Languages).HasNameListConversion();
        builder.Property(p => p.PublicFields).HasNameListConversion();
        builder.Property(p => p.Visibility).HasConversion<string>();
        builder.Property(p => p.Kind).HasConversion<string>();
        builder.Ignore(p => p.IsStale);
    }
}
