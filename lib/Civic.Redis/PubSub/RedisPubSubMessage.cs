using System.Text;

namespace Civic.Redis;

/// <summary>A message received on a subscription.</summary>
/// <param name="Channel">The channel it was published to.</param>
/// <param name="Pattern">The pattern that matched, for pattern subscriptions; otherwise null.</param>
/// <param name="Payload">The message's bytes.</param>
public sealed record RedisPubSubMessage(string Channel, string? Pattern, ReadOnlyMemory<byte> Payload)
{
    /// <summary>The payload as UTF-8 text.</summary>
    public string PayloadText => Encoding.UTF8.GetString(Payload.Span);
}
