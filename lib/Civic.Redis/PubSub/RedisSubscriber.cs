using Civic.Redis.Connection;
using Microsoft.Extensions.Logging;

namespace Civic.Redis.PubSub;

/// <summary>
/// Pub/sub on its own connection (a subscribed RESP2 connection can run nothing else). Keeps the
/// set of channels and patterns wanted, sends SUBSCRIBE/UNSUBSCRIBE as it changes, routes messages
/// to the subscriptions, and on every new connection subscribes to the whole set again.
/// </summary>
internal sealed class RedisSubscriber : IAsyncDisposable
{
    private readonly RedisConnectionSettings _settings;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly ConnectionSupervisor _supervisor;
    private readonly Lock _gate = new();
    private readonly Dictionary<SubscriptionKey, ChannelState> _channels = [];
    private readonly Dictionary<SubscriptionKey, TaskCompletionSource> _confirmations = [];

    public RedisSubscriber(RedisConnectionSettings settings, ReconnectBackoff backoff, TimeProvider timeProvider, ILogger logger)
    {
        _settings = settings;
        _timeProvider = timeProvider;
        _logger = logger;
        _supervisor = new ConnectionSupervisor(settings, ConnectionRole.Subscriber, backoff, timeProvider, logger, SubscribeAllAsync, OnPush);
    }

    /// <summary>
    /// Adds a subscription and returns once Redis has confirmed the channel (at once if another
    /// subscription already has it).
    /// </summary>
    public async Task<RedisSubscription> SubscribeAsync(SubscriptionKey key, Func<RedisPubSubMessage, CancellationToken, Task>? handler, CancellationToken cancellationToken)
    {
        var subscription = new RedisSubscription(this, key, _settings.SubscriptionBufferSize, _logger);
        ChannelState state;
        var isFirst = false;
        lock (_gate)
        {
            if (!_channels.TryGetValue(key, out state!) || state.Ready.Task.IsFaulted)
            {
                state = new ChannelState();
                _channels[key] = state;
                isFirst = true;
            }

            state.Add(subscription);
        }

        if (isFirst)
        {
            _ = ConfirmOnServerAsync(key, state);
        }

        try
        {
            await state.Ready.Task.WaitAsync(cancellationToken);
        }
        catch
        {
            await subscription.DisposeAsync();
            throw;
        }

        if (handler is not null)
        {
            subscription.StartHandler(handler, _logger);
        }

        return subscription;
    }

    /// <summary>Removes a subscription; the last one for a channel unsubscribes on the server.</summary>
    public void Remove(RedisSubscription subscription)
    {
        lock (_gate)
        {
            if (!_channels.TryGetValue(subscription.Key, out var state) || !state.Remove(subscription))
            {
                return;
            }

            if (state.IsEmpty)
            {
                _channels.Remove(subscription.Key);
                // Under the lock, so that a SUBSCRIBE for the same channel cannot overtake it.
                _supervisor.Current?.TryEnqueue(new PendingCommand([subscription.Key.UnsubscribeCommand, subscription.Key.Name], expectsReply: false));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _supervisor.DisposeAsync();
        List<RedisSubscription> open;
        lock (_gate)
        {
            open = [.. _channels.Values.SelectMany(state => state.Subscriptions)];
            _channels.Clear();
        }

        foreach (var subscription in open)
        {
            await subscription.DisposeAsync();
        }
    }

    private async Task ConfirmOnServerAsync(SubscriptionKey key, ChannelState state)
    {
        try
        {
            var timeout = _settings.CommandTimeout;
            var started = _timeProvider.GetTimestamp();
            var connection = await _supervisor.GetConnectionAsync(timeout, CancellationToken.None);
            Task confirmed;
            lock (_gate)
            {
                confirmed = ExpectConfirmation(key);
                // If the connection has just dropped, the next one subscribes to everything and confirms then.
                connection.TryEnqueue(new PendingCommand([key.SubscribeCommand, key.Name], expectsReply: false));
            }

            var remaining = timeout - _timeProvider.GetElapsedTime(started);
            try
            {
                await confirmed.WaitAsync(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, _timeProvider);
            }
            catch (TimeoutException)
            {
                throw new RedisTimeoutException($"Redis at {_settings.Endpoint} did not confirm {key.SubscribeCommand} within {timeout.TotalMilliseconds:0} ms.");
            }

            state.Ready.TrySetResult();
        }
        catch (Exception exception)
        {
            state.Ready.TrySetException(exception);
        }
    }

    /// <summary>Runs on every new connection before it is used: subscribes to everything wanted.</summary>
    private async Task SubscribeAllAsync(RedisConnection connection, CancellationToken cancellationToken)
    {
        List<Task> confirmations = [];
        lock (_gate)
        {
            var channels = _channels.Keys.Where(key => !key.IsPattern).Select(key => key.Name).ToList();
            var patterns = _channels.Keys.Where(key => key.IsPattern).Select(key => key.Name).ToList();
            foreach (var key in _channels.Keys)
            {
                confirmations.Add(ExpectConfirmation(key));
            }

            Send(connection, "SUBSCRIBE", channels);
            Send(connection, "PSUBSCRIBE", patterns);
        }

        if (confirmations.Count > 0)
        {
            await Task.WhenAll(confirmations).WaitAsync(cancellationToken);
            RedisLog.Subscribed(_logger, confirmations.Count, _settings.Endpoint);
        }
    }

    private static void Send(RedisConnection connection, string command, List<string> names)
    {
        if (names.Count > 0)
        {
            connection.TryEnqueue(new PendingCommand([command, .. names.Select(name => (Protocol.RedisArgument)name)], expectsReply: false));
        }
    }

    /// <summary>The confirmation of a subscription, shared by everyone waiting for it. Caller holds the lock.</summary>
    private Task ExpectConfirmation(SubscriptionKey key)
    {
        if (!_confirmations.TryGetValue(key, out var confirmation))
        {
            confirmation = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _confirmations[key] = confirmation;
        }

        return confirmation.Task;
    }

    /// <summary>Handles pub/sub messages (RESP2 arrays or RESP3 pushes) on the reader loop; must not block.</summary>
    private void OnPush(RedisReply reply)
    {
        var items = reply.Elements;
        var kind = items.Count > 0 ? items[0].AsString() ?? string.Empty : string.Empty;
        switch (kind.ToUpperInvariant())
        {
            case "MESSAGE" when items.Count >= 3:
                var channel = items[1].AsString()!;
                Deliver(new SubscriptionKey(channel, IsPattern: false), new RedisPubSubMessage(channel, null, items[2].AsBytes() ?? []));
                break;
            case "PMESSAGE" when items.Count >= 4:
                var pattern = items[1].AsString()!;
                Deliver(new SubscriptionKey(pattern, IsPattern: true), new RedisPubSubMessage(items[2].AsString()!, pattern, items[3].AsBytes() ?? []));
                break;
            case "SUBSCRIBE" when items.Count >= 2:
                Confirm(new SubscriptionKey(items[1].AsString()!, IsPattern: false));
                break;
            case "PSUBSCRIBE" when items.Count >= 2:
                Confirm(new SubscriptionKey(items[1].AsString()!, IsPattern: true));
                break;
            default:
                RedisLog.PushIgnored(_logger, kind, _settings.Endpoint);
                break;
        }
    }

    private void Confirm(SubscriptionKey key)
    {
        TaskCompletionSource? confirmation;
        lock (_gate)
        {
            _confirmations.Remove(key, out confirmation);
        }

        confirmation?.TrySetResult();
    }

    private void Deliver(SubscriptionKey key, RedisPubSubMessage message)
    {
        RedisSubscription[] subscriptions;
        lock (_gate)
        {
            if (!_channels.TryGetValue(key, out var state))
            {
                return;
            }

            subscriptions = state.Subscriptions;
        }

        foreach (var subscription in subscriptions)
        {
            subscription.Deliver(message);
        }
    }

    /// <summary>The subscriptions to one channel or pattern (copy-on-write, so delivery reads without copying).</summary>
    private sealed class ChannelState
    {
        public RedisSubscription[] Subscriptions { get; private set; } = [];

        public TaskCompletionSource Ready { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool IsEmpty => Subscriptions.Length == 0;

        public void Add(RedisSubscription subscription) => Subscriptions = [.. Subscriptions, subscription];

        public bool Remove(RedisSubscription subscription)
        {
            var index = Array.IndexOf(Subscriptions, subscription);
            if (index < 0)
            {
                return false;
            }

            Subscriptions = [.. Subscriptions[..index], .. Subscriptions[(index + 1)..]];
            return true;
        }
    }
}
