namespace Civic.Redis.PubSub;

/// <summary>A channel name, or a pattern (PSUBSCRIBE); the two live in separate name spaces.</summary>
internal readonly record struct SubscriptionKey(string Name, bool IsPattern)
{
    public string SubscribeCommand => IsPattern ? "PSUBSCRIBE" : "SUBSCRIBE";

    public string UnsubscribeCommand => IsPattern ? "PUNSUBSCRIBE" : "UNSUBSCRIBE";
}
