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
        builder.Property(c => c.Id).HasColumnName("id");
        builder.Property(c => c.Title).HasColumnName("title");
        builder.Property(c => c.Summary).HasColumnName("summary");
        builder.Property(c => c.OwningDepartment).HasColumnName("owning_department");
        builder.Property(c => c.CoCreationType).HasColumnName("co_creation_type").HasConversion<string>();
        builder.Property(c => c.Phase).HasColumnName("phase").HasConversion<string>();
        builder.Property(c => c.CreatedAt).HasColumnName("created_at");
    }
}
