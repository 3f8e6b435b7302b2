using Civic.Redis.Tests.Infrastructure;

namespace Civic.Redis.Tests.Server;

/// <summary>Pub/sub on the dedicated subscriber connection, in RESP2 (arrays) and RESP3 (pushes).</summary>
public class PubSubTests
{
    public static TheoryData<RedisProtocol> Protocols => [RedisProtocol.Resp2, RedisProtocol.Resp3];

    [Theory]
    [MemberData(nameof(Protocols))]
    public async Task SubscribeAsync_PublishedMessages_ArriveInOrder(RedisProtocol protocol)
    {
        await using var client = TestRedis.SharedClient(protocol);
        var channel = TestRedis.UniqueKey("channel");
        var ct = TestContext.Current.CancellationToken;
        await using var subscription = await client.SubscribeAsync(channel, ct);

        Assert.Equal(1, await client.PublishAsync(channel, "første", ct));
        Assert.Equal(1, await client.PublishAsync(channel, new byte[] { 1, 2, 3 }, ct));
        // Commands keep working on the command connection while the subscriber connection is subscribed.
        Assert.Equal("PONG", (await client.ExecuteAsync(["PING"], ct)).AsString());

        var first = await subscription.Messages.ReadAsync(ct);
        var second = await subscription.Messages.ReadAsync(ct);
        Assert.Equal(channel, first.Channel);
        Assert.Null(first.Pattern);
        Assert.Equal("første", first.PayloadText);
        Assert.Equal(new byte[] { 1, 2, 3 }, second.Payload.ToArray());
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public async Task SubscribePatternAsync_MatchingChannels_Arrive(RedisProtocol protocol)
    {
        await using var client = TestRedis.SharedClient(protocol);
        var prefix = TestRedis.UniqueKey("pattern");
        var ct = TestContext.Current.CancellationToken;
        await using var subscription = await client.SubscribePatternAsync($"{prefix}:*", ct);

        await client.PublishAsync($"{prefix}:hotline", "slot-freed", ct);
        await client.PublishAsync($"{prefix.Replace("pattern", "other", StringComparison.Ordinal)}:x", "ignored", ct);
        await client.PublishAsync($"{prefix}:panel", "case-opened", ct);

        var first = await subscription.Messages.ReadAsync(ct);
        var second = await subscription.Messages.ReadAsync(ct);
        Assert.Equal(($"{prefix}:hotline", $"{prefix}:*", "slot-freed"), (first.Channel, first.Pattern, first.PayloadText));
        Assert.Equal(($"{prefix}:panel", "case-opened"), (second.Channel, second.PayloadText));
    }

    [Fact]
    public async Task SubscribeAsync_WithHandler_CallsHandlerAndSurvivesItsFailure()
    {
        await using var client = TestRedis.SharedClient();
        var channel = TestRedis.UniqueKey("handler");
        var ct = TestContext.Current.CancellationToken;
        var received = new List<string>();
        var done = new TaskCompletionSource();
        await using var subscription = await client.SubscribeAsync(channel, (message, _) =>
        {
            if (message.PayloadText == "boom")
            {
                throw new InvalidOperationException("handler failure");
            }

            received.Add(message.PayloadText);
            if (received.Count == 2)
            {
                done.TrySetResult();
            }

            return Task.CompletedTask;
        }, ct);

        await client.PublishAsync(channel, "a", ct);
        await client.PublishAsync(channel, "boom", ct);
        await client.PublishAsync(channel, "b", ct);
        await done.Task.WaitAsync(TimeSpan.FromSeconds(10), ct);

        Assert.Equal(["a", "b"], received);
    }

    [Fact(Timeout = 30_000)]
    public async Task SubscribeAsync_HandlerDisposesItsOwnSubscription_Unsubscribes()
    {
        await using var client = TestRedis.SharedClient();
        var channel = TestRedis.UniqueKey("self-dispose");
        var ct = TestContext.Current.CancellationToken;
        var disposed = new TaskCompletionSource();
        RedisSubscription? subscription = null;
        subscription = await client.SubscribeAsync(channel, async (message, _) =>
        {
            await subscription!.DisposeAsync();
            disposed.TrySetResult();
        }, ct);

        await client.PublishAsync(channel, "stop", ct);
        await disposed.Task.WaitAsync(ct);

        Assert.True(subscription.Messages.Completion.IsCompleted);
        Assert.True(await TestRedis.EventuallyAsync(
            async () => (await client.ExecuteAsync(["PUBSUB", "NUMSUB", channel], ct)).Elements[1].AsInt64() == 0,
            TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task TwoSubscriptions_SameChannel_BothReceive_DisposingOneKeepsTheOther()
    {
        await using var client = TestRedis.SharedClient();
        var channel = TestRedis.UniqueKey("shared-channel");
        var ct = TestContext.Current.CancellationToken;
        var first = await client.SubscribeAsync(channel, ct);
        await using var second = await client.SubscribeAsync(channel, ct);

        await client.PublishAsync(channel, "both", ct);
        Assert.Equal("both", (await first.Messages.ReadAsync(ct)).PayloadText);
        Assert.Equal("both", (await second.Messages.ReadAsync(ct)).PayloadText);

        await first.DisposeAsync();
        Assert.True(first.Messages.Completion.IsCompleted);
        Assert.Equal(1, await client.PublishAsync(channel, "second only", ct));
        Assert.Equal("second only", (await second.Messages.ReadAsync(ct)).PayloadText);
    }

    [Fact]
    public async Task DisposeAsync_LastSubscription_UnsubscribesOnServer()
    {
        await using var client = TestRedis.SharedClient();
        var channel = TestRedis.UniqueKey("unsubscribe");
        var ct = TestContext.Current.CancellationToken;
        var subscription = await client.SubscribeAsync(channel, ct);
        Assert.Equal(1, (await client.ExecuteAsync(["PUBSUB", "NUMSUB", channel], ct)).Elements[1].AsInt64());

        await subscription.DisposeAsync();

        Assert.True(await TestRedis.EventuallyAsync(
            async () => (await client.ExecuteAsync(["PUBSUB", "NUMSUB", channel], ct)).Elements[1].AsInt64() == 0,
            TimeSpan.FromSeconds(5)));
    }

    [Theory(Timeout = 30_000)]
    [MemberData(nameof(Protocols))]
    public async Task SubscriberConnectionKilled_Resubscribes_AndMessagesArriveAgain(RedisProtocol protocol)
    {
        await using var server = await RedisServerProcess.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        await using var client = new RedisClient(TestRedis.ForEndpoint(server.Endpoint, protocol));
        await using var subscription = await client.SubscribeAsync("hotline.slots", ct);
        await using var patterns = await client.SubscribePatternAsync("panel.*", ct);

        Assert.Equal(1, (await client.ExecuteAsync(["CLIENT", "KILL", "TYPE", "pubsub"], ct)).AsInt64());

        Assert.Equal("after kill", await PublishUntilReceivedAsync(client, subscription, "hotline.slots", "after kill", ct));
        Assert.Equal("pattern after kill", await PublishUntilReceivedAsync(client, patterns, "panel.cases", "pattern after kill", ct));
    }

    [Fact(Timeout = 30_000)]
    public async Task ServerRestart_Resubscribes_AndMessagesArriveAgain()
    {
        await using var server = await RedisServerProcess.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        await using var client = new RedisClient(TestRedis.ForEndpoint(server.Endpoint, RedisProtocol.Resp3));
        await using var subscription = await client.SubscribeAsync("network.requests", ct);
        await client.PublishAsync("network.requests", "before", ct);
        Assert.Equal("before", (await subscription.Messages.ReadAsync(ct)).PayloadText);

        await server.KillAsync();
        await server.RestartAsync();

        Assert.Equal("after restart", await PublishUntilReceivedAsync(client, subscription, "network.requests", "after restart", ct));
    }

    /// <summary>Publishes until the subscription has a message (the re-subscription happens in the background).</summary>
    private static async Task<string> PublishUntilReceivedAsync(RedisClient client, RedisSubscription subscription, string channel, string payload, CancellationToken ct)
    {
        while (true)
        {
            try
            {
                if (await client.PublishAsync(channel, payload, ct) > 0)
                {
                    return (await subscription.Messages.ReadAsync(ct)).PayloadText;
                }
            }
            catch (RedisConnectionException)
            {
                // The command connection is reconnecting too.
            }

            await Task.Delay(50, ct);
        }
    }
}
