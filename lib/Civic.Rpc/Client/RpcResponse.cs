namespace Civic.Rpc.Client;

/// <summary>A unary call's response message with the metadata that came with it.</summary>
/// <param name="Message">The response message.</param>
/// <param name="Headers">Metadata from the response headers.</param>
/// <param name="Trailers">Metadata from the trailers, sent with the status.</param>
public sealed record RpcResponse<TResponse>(TResponse Message, Metadata Headers, Metadata Trailers);
