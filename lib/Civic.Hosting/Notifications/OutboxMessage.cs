using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Civic.Hosting.Notifications;

public enum MessageChannel
{
    Email = 1,
    Sms = 2,
}

/// <summary>
/// A message to a person in a service's outbox: written in the same transaction as the change it tells about,
/// delivered later by <see cref="OutboxDispatcher{TContext}"/>. <see cref="SentAt"/> is set once, after delivery.
/// </summary>
public sealed class OutboxMessage
{
    public required string Id { get; init; }

    /// <summary>What the message is about in the service's terms (a booking, a member); its link renderer reads it.</summary>
    public string? AboutId { get; init; }

    /// <summary>The service's name for the kind of message, e.g. "BookingConfirmed".</summary>
    public required string Kind { get; init; }

    public MessageChannel Channel { get; init; }

    public required string Recipient { get; init; }

    public required string Subject { get; init; }

    /// <summary>The text; it may hold placeholders that <see cref="IMessageBodyRenderer"/> fills in at delivery.</summary>
    public required string Body { get; init; }

    /// <summary>An iCalendar file to attach.</summary>
    public string? Calendar { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>A dispatcher has taken it until then; another may take it after (the first one died).</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    /// <summary>A new unsent message, with a time-ordered id.</summary>
    public static OutboxMessage Create(
        string kind, MessageChannel channel, string recipient, string subject, string body, DateTimeOffset now, string? aboutId = null, string? calendar = null) => new()
    {
        Id = Guid.CreateVersion7(now).ToString(), AboutId = aboutId, Kind = kind, Channel = channel, Recipient = recipient,
        Subject = subject, Body = body, Calendar = calendar, CreatedAt = now,
    };
}

/// <summary>
/// Maps <see cref="OutboxMessage"/> to a service's outbox table (by default "notifications" with an
/// about_id column); <paramref name="configure"/> adds what a service needs beyond that, e.g. a foreign key.
/// </summary>
public sealed class OutboxMessageConfiguration(string table = "notifications", Action<EntityTypeBuilder<OutboxMessage>>? configure = null)
    : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable(table);
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Channel).HasConversion<string>();
        configure?.Invoke(builder);
    }
}
