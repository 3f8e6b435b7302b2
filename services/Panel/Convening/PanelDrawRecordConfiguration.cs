using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Civic.Panel.Convening;

/// <summary>Maps <see cref="PanelDrawRecord"/> to panel_draws (Migrations/0002).</summary>
public sealed class PanelDrawRecordConfiguration : IEntityTypeConfiguration<PanelDrawRecord>
{
    public void Configure(EntityTypeBuilder<PanelDrawRecord> builder)
    {
        builder.ToTable("panel_draws");
        builder.HasKey(d => d.Id);
    }
}
