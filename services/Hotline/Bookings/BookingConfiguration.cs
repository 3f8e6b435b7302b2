using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Civic.Hotline.Bookings;

/// <summary>Maps <see cref="Booking"/> to bookings (Migrations/0005).</summary>
public sealed class BookingConfiguration : IEntityTypeConfiguration<Booking>
{
    public void Configure(EntityTypeBuilder<Booking> builder)
    {
        builder.ToTable("bookings");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.TopicKind).HasConversion<string>();
        builder.Property(b => b.Language).HasConversion<string>();
        builder.Property(b => b.Status).HasConversion<string>();
        builder.Property(b => b.Result).HasConversion<string>();
        builder.Property(b => b.Referral).HasConversion<string>();
    }
}
