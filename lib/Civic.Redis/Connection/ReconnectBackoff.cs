namespace Civic.Redis.Connection;

/// <summary>
/// Delays between reconnect attempts: exponential from a base delay up to a cap, with "equal jitter"
/// (half fixed, half random) so that many clients losing the same server do not return in lockstep,
/// yet none retries at once. The random source is injected so that tests can seed it.
/// </summary>
internal sealed class ReconnectBackoff(TimeSpan baseDelay, TimeSpan maxDelay, Random random)
{
    public TimeSpan GetDelay(int attempt)
    {
        var exponential = baseDelay.TotalMilliseconds * Math.Pow(2, Math.Clamp(attempt, 0, 30));
        var capped = Math.Min(exponential, maxDelay.TotalMilliseconds);
        double fraction;
        lock (random)
        {
#pragma warning disable CA5394 // Jitter spreads reconnects out; it protects nothing, so a non-cryptographic source is right.
            fraction = random.NextDouble();
#pragma warning restore CA5394
        }

        return TimeSpan.FromMilliseconds((capped / 2) + (capped / 2 * fraction));
    }
}
