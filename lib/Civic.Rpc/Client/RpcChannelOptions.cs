using Civic.Rpc.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Civic.Rpc.Client;

/// <summary>Settings of a <see cref="RpcChannel"/> and of the clients that use it.</summary>
public sealed class RpcChannelOptions
{
    /// <summary>Largest response message accepted (after decompression); larger ends the call with RESOURCE_EXHAUSTED.</summary>
    public int MaxReceiveMessageSize { get; set; } = GrpcProtocol.DefaultMaxReceiveMessageSize;

    /// <summary>Largest request message sent; larger fails locally with RESOURCE_EXHAUSTED before anything is sent.</summary>
    public int MaxSendMessageSize { get; set; } = GrpcProtocol.DefaultMaxReceiveMessageSize;

    /// <summary>
    /// Compress request messages with gzip. Off by default: Civic's messages are small and a cluster
    /// network is fast. Compressed responses are always accepted and decompressed.
    /// </summary>
    public bool CompressRequests { get; set; }

    /// <summary>The timeout of a call that sets no deadline of its own; null for none.</summary>
    public TimeSpan? DefaultTimeout { get; set; }

    /// <summary>How long opening a connection may take before the call fails with UNAVAILABLE (channels made by <see cref="RpcChannel.ForAddress"/>).</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Idle time on a connection with active calls after which an HTTP/2 PING checks that the peer is
    /// still there (channels made by <see cref="RpcChannel.ForAddress"/>). A long-lived stream through a
    /// dead connection is then failed instead of hanging.
    /// </summary>
    public TimeSpan KeepAlivePingDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long to wait for the PING's answer before the connection is closed.</summary>
    public TimeSpan KeepAlivePingTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Retry and circuit-breaker settings for each <see cref="RpcClient"/> on this channel.</summary>
    public RpcResilienceOptions Resilience { get; set; } = new();

    /// <summary>The clock for deadlines, retry delays and the circuit breaker.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Where retries and circuit-breaker changes are logged.</summary>
    public ILoggerFactory LoggerFactory { get; set; } = NullLoggerFactory.Instance;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxReceiveMessageSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxSendMessageSize);
        if (DefaultTimeout is { } timeout)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero, nameof(DefaultTimeout));
        }

        ArgumentNullException.ThrowIfNull(Resilience);
        ArgumentNullException.ThrowIfNull(TimeProvider);
        ArgumentNullException.ThrowIfNull(LoggerFactory);
        Resilience.Validate();
    }
}

/// <summary>
/// How a <see cref="RpcClient"/> copes with a failing service: retries with exponential backoff and
/// jitter (only UNAVAILABLE, only idempotent RPCs, never once a response message arrived, never for
/// client or bidirectional streams), and a circuit breaker that fails fast while the service keeps failing.
/// </summary>
public sealed class RpcResilienceOptions
{
    /// <summary>Retries after the first attempt; 0 turns retrying off.</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The delay before the first retry; each further retry doubles it (with jitter).</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest delay between two attempts.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Open the circuit when the service keeps failing; false turns the breaker off.</summary>
    public bool EnableCircuitBreaker { get; set; } = true;

    /// <summary>
    /// The share of attempts within <see cref="CircuitSamplingDuration"/> that must fail (UNAVAILABLE, or no
    /// answer before the deadline) to open the circuit.
    /// </summary>
    public double CircuitFailureRatio { get; set; } = 0.5;

    /// <summary>The fewest attempts within the sampling window before the breaker judges at all (at least 2).</summary>
    public int CircuitMinimumThroughput { get; set; } = 10;

    /// <summary>The window in which failures are counted.</summary>
    public TimeSpan CircuitSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the circuit stays open (calls fail fast with UNAVAILABLE) before one trial call is let through.</summary>
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(5);

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(MaxRetryAttempts);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RetryBaseDelay, TimeSpan.Zero, nameof(RetryBaseDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(RetryMaxDelay, RetryBaseDelay, nameof(RetryMaxDelay));
        if (EnableCircuitBreaker)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(CircuitFailureRatio, 0, nameof(CircuitFailureRatio));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(CircuitFailureRatio, 1, nameof(CircuitFailureRatio));
            ArgumentOutOfRangeException.ThrowIfLessThan(CircuitMinimumThroughput, 2, nameof(CircuitMinimumThroughput));
            ArgumentOutOfRangeException.ThrowIfLessThan(CircuitSamplingDuration, TimeSpan.FromMilliseconds(500), nameof(CircuitSamplingDuration));
            ArgumentOutOfRangeException.ThrowIfLessThan(CircuitBreakDuration, TimeSpan.FromMilliseconds(500), nameof(CircuitBreakDuration));
        }
    }
}
