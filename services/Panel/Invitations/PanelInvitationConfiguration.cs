using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Civic.Panel.Invitations;

/// <summary>Maps <see cref="PanelInvitation"/> to panel_invitations (Migrations/0006).</summary>
public sealed class PanelInvitationConfiguration : IEntityTypeConfiguration<PanelInvitation>
{
    public void Configure(EntityTypeBuilder<PanelInvitation> builder)
    {
        builder.ToTable("panel_invitations");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Status).HasConversion<string>();
        // Declared so that EF inserts a seat's first invitation before its replacement (same table, one save).
        builder.HasOne<PanelInvitation>().WithMany().HasForeignKey(i => i.ReplacesInvitationId);
        builder.Ignore(i => i.HoldsSeat);
        builder.Ignore(i => i.MaySeeCaseMaterial);
    }
}
