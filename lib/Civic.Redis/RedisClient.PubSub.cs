using Civic.Redis.PubSub;

namespace Civic.Redis;

public sealed partial class RedisClient
{
    /// <summary>Publishes a message (<c>PUBLISH</c>); returns how many subscribers received it.</summary>
    public async Task<long> PublishAsync(string channel, string message, CancellationToken cancellationToken = default) =>
        (await SendAsync(["PUBLISH", channel, message], cancellationToken)).AsInt64();

    /// <summary>Publishes a binary message (<c>PUBLISH</c>); returns how many subscribers received it.</summary>
    public async Task<long> PublishAsync(string channel, ReadOnlyMemory<byte> message, CancellationToken cancellationToken = default) =>
        (await SendAsync(["PUBLISH", channel, message], cancellationToken)).AsInt64();

    /// <summary>
    /// Subscribes to a channel on the dedicated subscriber connection; returns once Redis has
    /// confirmed. Read the messages from <see cref="RedisSubscription.Messages"/>.
    /// </summary>
    public Task<RedisSubscription> SubscribeAsync(string channel, CancellationToken cancellationToken = default) =>
        Subscriber.SubscribeAsync(new SubscriptionKey(channel, IsPattern: false), handler: null, cancellationToken);

    /// <summary>Subscribes to a channel and calls <paramref name="handler"/> for each message, one at a time.</summary>
    public Task<RedisSubscription> SubscribeAsync(string channel, Func<RedisPubSubMessage, CancellationToken, Task> handler, CancellationToken cancellationToken = default) =>
        Subscriber.SubscribeAsync(new SubscriptionKey(channel, IsPattern: false), handler, cancellationToken);

    /// <summary>Subscribes to every channel matching a glob-style pattern (<c>PSUBSCRIBE</c>).</summary>
    public Task<RedisSubscription> SubscribePatternAsync(string pattern, CancellationToken cancellationToken = default) =>
        Subscriber.SubscribeAsync(new SubscriptionKey(pattern, IsPattern: true), handler: null, cancellationToken);

    private RedisSubscriber Subscriber
    {
        get
        {
            // Without this, subscribing after disposal would open a new subscriber connection nobody closes.
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _subscriber.Value;
        }
    }
}
