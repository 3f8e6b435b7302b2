namespace Civic.Rpc.Client;

/// <summary>What a single call carries besides its message: metadata, a deadline and a cancellation token.</summary>
public readonly record struct CallOptions
{
    /// <summary>Request metadata (text and <c>-bin</c> entries), sent as HTTP/2 headers.</summary>
    public Metadata? Headers { get; init; }

    /// <summary>
    /// When the call must be finished (UTC). Sent as <c>grpc-timeout</c> and enforced locally, so the
    /// call ends with DEADLINE_EXCEEDED even if the server never answers. When null, the channel's
    /// <see cref="RpcChannelOptions.DefaultTimeout"/> applies. Inside a server call the earlier of this
    /// and the served call's deadline wins.
    /// </summary>
    public DateTime? Deadline { get; init; }

    /// <summary>Cancels the call (status CANCELLED); the server sees the stream reset.</summary>
    public CancellationToken CancellationToken { get; init; }
}
