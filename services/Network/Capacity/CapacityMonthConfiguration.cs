using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Civic.Network.Capacity;

/// <summary>Maps <see cref="CapacityMonth"/> to capacity_months (Migrations/0002).</summary>
public sealed class CapacityMonthConfiguration : IEntityTypeConfiguration<CapacityMonth>
{
    public void Configure(EntityTypeBuilder<CapacityMonth> builder)
    {
        builder.ToTable("capacity_months");
        builder.HasKey(m => new { m.PersonId, m.Month });
    }
}
