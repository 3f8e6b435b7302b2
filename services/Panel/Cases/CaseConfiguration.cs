using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Civic.Panel.Cases;

/// <summary>Maps <see cref="Case"/> to the cases table (Migrations/0001). Enums are stored by name, readable in the database.</summary>
public sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> builder)
    {
        builder.ToTable("cases");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.CoCreationType).HasConversion<string>();
        builder.Property(c => c.Phase).HasConversion<string>();
    }
}
