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
/// Fills in a feature's placeholders in a body at delivery, e.g. a link whose secret is never stored, and leaves
/// every other text alone. A service registers one per feature that has placeholders (scoped).
/// </summary>
public interface IMessageBodyRenderer
{
    string Render(OutboxMessage message, string body);
}

/// <summary>A stored body as the person receives it: every registered renderer applied in turn.</summary>
public sealed class MessageBodies(IEnumerable<IMessageBodyRenderer> renderers)
{
    public string Render(OutboxMessage message) => renderers.Aggregate(message.Body, (body, renderer) => renderer.Render(message, body));
}
