using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Civic.Hotline.Lottery;

/// <summary>A slot a lottery request (a booking with status Requested) can accept; <see cref="Position"/> keeps the citizen's order.</summary>
public sealed class RequestedSlot
{
    public required string BookingId { get; init; }

    public required string SlotId { get; init; }

    public int Position { get; init; }
}

/// <summary>Maps <see cref="RequestedSlot"/> to requested_slots (Migrations/0010).</summary>
public sealed class RequestedSlotConfiguration : IEntityTypeConfiguration<RequestedSlot>
{
    public void Configure(EntityTypeBuilder<RequestedSlot> builder)
    {
        builder.ToTable("requested_slots");
        builder.HasKey(r => new { r.BookingId, r.SlotId });
        // Known to EF so that a request's booking row is inserted before its slots in one SaveChanges.
        builder.HasOne<Bookings.Booking>().WithMany().HasForeignKey(r => r.BookingId);
    }
}
