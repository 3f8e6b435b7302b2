namespace Civic.Rpc.Server;

/// <summary>Settings of the gRPC server, bound from the "Rpc:Server" configuration section.</summary>
public sealed class RpcServerOptions
{
    /// <summary>Largest message a call may receive (after decompression); larger gets RESOURCE_EXHAUSTED.</summary>
    public int MaxReceiveMessageSize { get; set; } = Protocol.GrpcProtocol.DefaultMaxReceiveMessageSize;

    /// <summary>Largest message a handler may send; larger ends the call with RESOURCE_EXHAUSTED.</summary>
    public int MaxSendMessageSize { get; set; } = Protocol.GrpcProtocol.DefaultMaxReceiveMessageSize;

    /// <summary>
    /// Send exception text to clients in INTERNAL statuses. Only for local development: it can leak
    /// personal data and internals.
    /// </summary>
    public bool EnableDetailedErrors { get; set; }

    /// <summary>
    /// Compress responses with gzip when the client accepts it. Off by default: Civic's messages are
    /// small and compression costs more CPU than it saves on a cluster network.
    /// </summary>
    public bool CompressResponses { get; set; }
}
