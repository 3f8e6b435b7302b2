namespace Civic.Gateway.RateLimiting;

/// <summary>Whether a request may pass, and if not, when the caller may try again.</summary>
public readonly record struct RateLimitDecision(bool Allowed, TimeSpan RetryAfter)
{
    public static RateLimitDecision Allow { get; } = new(true, TimeSpan.Zero);

    public static RateLimitDecision Reject(TimeSpan retryAfter) => new(false, retryAfter);

    /// <summary>Whole seconds, at least one, as Retry-After wants them.</summary>
    public int RetryAfterSeconds => Math.Max(1, (int)Math.Ceiling(RetryAfter.TotalSeconds));
}
