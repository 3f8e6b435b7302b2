namespace Civic.Hosting.Notifications;

/// <summary>Delivers one message on its channel; throws when it could not, so the outbox tries again later.</summary>
public interface IMessageSender
{
    Task SendAsync(OutboxMessage message, string body, CancellationToken cancellationToken);
}

/// <summary>
/// Nothing leaves the machine: delivering means the development mailbox shows the message (it reads the
/// outbox). Used for every channel that has no provider configured.
/// </summary>
public sealed class DevelopmentMailboxSender : IMessageSender
{
    public Task SendAsync(OutboxMessage message, string body, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Hands each message to the sender of its channel.</summary>
public sealed class MessageChannels(IMessageSender email, IMessageSender sms) : IMessageSender
{
    public Task SendAsync(OutboxMessage message, string body, CancellationToken cancellationToken) =>
        (message.Channel == MessageChannel.Email ? email : sms).SendAsync(message, body, cancellationToken);
}

/// <summary>
/// Turns a stored body into the text a person receives, e.g. by filling in a link whose secret is never
/// stored. A service registers its own; without one the body is sent as stored.
/// </summary>
public interface IMessageBodyRenderer
{
    string Render(OutboxMessage message);
}

public sealed class StoredBodyRenderer : IMessageBodyRenderer
{
    public string Render(OutboxMessage message) => message.Body;
}
