using System.Threading.Channels;
using Civic.Redis.PubSub;
using Microsoft.Extensions.Logging;

namespace Civic.Redis;

/// <summary>
/// One subscription to a channel or pattern. Read <see cref="Messages"/>, or pass a handler when
/// subscribing. Messages wait in a bounded buffer; when the reader falls behind, the oldest are
/// dropped (and logged) rather than holding up other subscriptions. The subscription survives
/// reconnects (messages published while disconnected are lost, as pub/sub always does). Dispose to
/// unsubscribe.
/// </summary>
public sealed class RedisSubscription : IAsyncDisposable
{
    // Set while a handler runs, so that a handler disposing its own subscription does not wait for itself.
    private static readonly AsyncLocal<RedisSubscription?> RunningHandler = new();

    private readonly RedisSubscriber _owner;
    private readonly Channel<RedisPubSubMessage> _messages;
    private readonly CancellationTokenSource _stopping = new();
    private Task _handlerLoop = Task.CompletedTask;
    private int _disposed;

    internal RedisSubscription(RedisSubscriber owner, SubscriptionKey key, int capacity, ILogger logger)
    {
        _owner = owner;
        Key = key;
        _messages = System.Threading.Channels.Channel.CreateBounded<RedisPubSubMessage>(
            new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleWriter = true },
            dropped => RedisLog.MessageDropped(logger, dropped.Channel));
    }

    /// <summary>The channel, or the pattern for a pattern subscription.</summary>
    public string Channel => Key.Name;

    /// <summary>True for a pattern subscription (<c>PSUBSCRIBE</c>).</summary>
    public bool IsPattern => Key.IsPattern;

    /// <summary>The messages, in the order Redis sent them. Completes when the subscription is disposed.</summary>
    public ChannelReader<RedisPubSubMessage> Messages => _messages.Reader;

    internal SubscriptionKey Key { get; }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _owner.Remove(this);
        _messages.Writer.TryComplete();
        await _stopping.CancelAsync();
        if (!ReferenceEquals(RunningHandler.Value, this))
        {
            await _handlerLoop;
        }
    }

    internal void Deliver(RedisPubSubMessage message) => _messages.Writer.TryWrite(message);

    /// <summary>Feeds the messages to a handler, one at a time; a failing handler is logged and the next message still comes.</summary>
    internal void StartHandler(Func<RedisPubSubMessage, CancellationToken, Task> handler, ILogger logger)
    {
        var token = _stopping.Token;
        _handlerLoop = Task.Run(async () =>
        {
            RunningHandler.Value = this;
            try
            {
                await foreach (var message in _messages.Reader.ReadAllAsync(token))
                {
                    try
                    {
                        await handler(message, token);
                    }
                    catch (Exception exception) when (exception is not OperationCanceledException || !token.IsCancellationRequested)
                    {
                        RedisLog.HandlerFailed(logger, message.Channel, exception);
                    }
                }
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                // Disposed: stop delivering.
            }
        });
    }
}
