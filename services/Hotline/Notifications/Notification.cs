using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Civic.Hotline.Notifications;

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
}

public enum NotificationChannel
{
    Email = 1,
    Sms = 2,
}

/// <summary>
/// A message to a citizen in the outbox: written in the same transaction as the change it tells about,
/// delivered later by <see cref="NotificationDispatcher"/>. <see cref="SentAt"/> is set once, after delivery.
/// </summary>
public sealed class Notification
{
    public required string Id { get; init; }

    public string? BookingId { get; init; }

    public NotificationKind Kind { get; init; }

    public NotificationChannel Channel { get; init; }

    public required string Recipient { get; init; }

    public required string Subject { get; init; }

    public required string Body { get; init; }

    /// <summary>An iCalendar file to attach (booking confirmations).</summary>
    public string? Calendar { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>A dispatcher has taken it until then; another may take it after (the first one died).</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }
}

/// <summary>Maps <see cref="Notification"/> to notifications (Migrations/0007).</summary>
public sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("notifications");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Kind).HasConversion<string>();
        builder.Property(n => n.Channel).HasConversion<string>();
        // Known to EF so that a booking and its messages are inserted in that order in one SaveChanges.
        builder.HasOne<Bookings.Booking>().WithMany().HasForeignKey(n => n.BookingId);
    }
}
