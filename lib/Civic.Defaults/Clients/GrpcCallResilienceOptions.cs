namespace Civic.Defaults.Clients;

/// <summary>Retry and circuit-breaker settings of the Civic gRPC clients ("Civic:Clients:Resilience").</summary>
public sealed class GrpcCallResilienceOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Civic:Clients:Resilience";

    /// <summary>Repeats after the first attempt, for calls that are safe to repeat.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>The first retry's delay; later ones grow exponentially, with jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The share of failed calls in the sampling window that opens the circuit.</summary>
    public double BreakFailureRatio { get; set; } = 0.5;

    /// <summary>Calls in the window before the circuit may open.</summary>
    public int BreakMinimumThroughput { get; set; } = 10;

    public TimeSpan BreakSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit answers UNAVAILABLE at once before it tries the service again.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(5);
}
