using Civic.Hosting.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Civic.Hotline.Notifications;

/// <summary>The Hotline's kinds of message (<see cref="OutboxMessage.Kind"/> holds the name).</summary>
public enum NotificationKind
{
    BookingConfirmed = 1,
    BookingCancelled = 2,
    BookingMoved = 3,
    IdeaStatusChanged = 4,
    BookingReminder = 5,
    SessionCancelled = 6,
    WaitlistJoined = 7,
    WaitlistOffer = 8,
    WaitlistOfferLapsed = 9,
    SessionRequested = 10,
    LotteryLost = 11,
    IdeaWithoutFeedback = 12,
    MorningCallList = 13,
}

/// <summary>Maps the outbox to notifications (Migrations/0007): a message is about a booking.</summary>
public sealed class NotificationConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder) =>
        new OutboxMessageConfiguration("notifications", outbox =>
        {
            outbox.Property(m => m.AboutId).HasColumnName("booking_id");
            // Known to EF so that a booking and its messages are inserted in that order in one SaveChanges.
            outbox.HasOne<Bookings.Booking>().WithMany().HasForeignKey(m => m.AboutId);
        }).Configure(builder);
}
