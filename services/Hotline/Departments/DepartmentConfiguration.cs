using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Civic.Hotline.Departments;

/// <summary>Maps <see cref="Department"/> to the departments table (Migrations/0001, 0002).</summary>
public sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> builder)
    {
        builder.ToTable("departments");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).HasColumnName("id");
        builder.Property(d => d.Code).HasColumnName("code");
        builder.Property(d => d.NameDa).HasColumnName("name_da");
        builder.Property(d => d.NameEn).HasColumnName("name_en");
        builder.Property(d => d.DirectorName).HasColumnName("director_name");
        builder.Property(d => d.Topics).HasColumnName("topics");
        builder.Property(d => d.CreatedAt).HasColumnName("created_at");
    }
}
