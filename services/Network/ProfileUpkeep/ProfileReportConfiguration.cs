using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Civic.Network.ProfileUpkeep;

/// <summary>Maps <see cref="ProfileReport"/> to the profile_reports table (Migrations/0008).</summary>
public sealed class ProfileReportConfiguration : IEntityTypeConfiguration<ProfileReport>
{
    public void Configure(EntityTypeBuilder<ProfileReport> builder)
    {
        builder.ToTable("profile_reports");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Status).HasConversion<string>();
    }
}
