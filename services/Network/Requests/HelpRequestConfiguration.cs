using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Civic.Network.Requests;

/// <summary>Maps <see cref="HelpRequest"/> to help_requests (Migrations/0003).</summary>
public sealed class HelpRequestConfiguration : IEntityTypeConfiguration<HelpRequest>
{
    public void Configure(EntityTypeBuilder<HelpRequest> builder)
    {
        builder.ToTable("help_requests");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Status).HasConversion<string>();
        builder.Property(r => r.Language).HasConversion<string>();
        builder.Property(r => r.LastResponse).HasConversion<string>();
    }
}
