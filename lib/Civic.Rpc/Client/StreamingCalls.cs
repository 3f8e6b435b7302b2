using Google.Protobuf;

namespace Civic.Rpc.Client;

/// <summary>A call with one request and a stream of responses. Dispose it to cancel the call early.</summary>
public sealed class ServerStreamingCall<TResponse> : IDisposable
    where TResponse : class, IMessage<TResponse>
{
    private readonly IResponseCall<TResponse> _call;

    internal ServerStreamingCall(IResponseCall<TResponse> call) => _call = call;

    /// <summary>The responses; a non-OK status is thrown as <see cref="RpcException"/> at the end of the stream.</summary>
    public IAsyncStreamReader<TResponse> ResponseStream => _call;

    /// <summary>The response headers, once the server sent them.</summary>
    public Task<Metadata> ResponseHeadersAsync => _call.ResponseHeadersAsync();

    /// <summary>Reads all responses as an async sequence.</summary>
    public IAsyncEnumerable<TResponse> ReadAllAsync(CancellationToken cancellationToken = default) => _call.ReadAllAsync(cancellationToken);

    /// <summary>The final status; available once the response stream has ended.</summary>
    /// <exception cref="InvalidOperationException">The call is still in progress.</exception>
    public Status GetStatus() => _call.GetStatus();

    /// <summary>The trailers; available once the response stream has ended.</summary>
    /// <exception cref="InvalidOperationException">The call is still in progress.</exception>
    public Metadata GetTrailers() => _call.GetTrailers();

    /// <summary>Cancels the call if it is still running and releases its resources.</summary>
    public void Dispose() => _call.Dispose();
}

/// <summary>A call with a stream of requests and one response. Dispose it to cancel the call early.</summary>
public sealed class ClientStreamingCall<TRequest, TResponse> : IDisposable
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    private readonly ClientCall<TRequest, TResponse> _call;
    private readonly Lazy<Task<TResponse>> _response;

    internal ClientStreamingCall(ClientCall<TRequest, TResponse> call)
    {
        _call = call;
        _response = new Lazy<Task<TResponse>>(call.ReadSingleResponseAsync);
    }

    /// <summary>The requests; call <see cref="IClientStreamWriter{T}.CompleteAsync"/> after the last one.</summary>
    public IClientStreamWriter<TRequest> RequestStream => _call;

    /// <summary>The response, once the server has answered (normally after the request stream is complete).</summary>
    /// <exception cref="RpcException">The call ended with a status other than OK.</exception>
    public Task<TResponse> ResponseAsync => _response.Value;

    /// <summary>The response headers, once the server sent them.</summary>
    public Task<Metadata> ResponseHeadersAsync => _call.ResponseHeadersAsync();

    /// <summary>The final status; available once the response has been received.</summary>
    /// <exception cref="InvalidOperationException">The call is still in progress.</exception>
    public Status GetStatus() => _call.GetStatus();

    /// <summary>The trailers; available once the response has been received.</summary>
    /// <exception cref="InvalidOperationException">The call is still in progress.</exception>
    public Metadata GetTrailers() => _call.GetTrailers();

    /// <summary>Cancels the call if it is still running and releases its resources.</summary>
    public void Dispose() => _call.Dispose();
}

/// <summary>A call with a stream of requests and a stream of responses. Dispose it to cancel the call early.</summary>
public sealed class DuplexStreamingCall<TRequest, TResponse> : IDisposable
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    private readonly ClientCall<TRequest, TResponse> _call;

    internal DuplexStreamingCall(ClientCall<TRequest, TResponse> call) => _call = call;

    /// <summary>The requests; call <see cref="IClientStreamWriter{T}.CompleteAsync"/> after the last one.</summary>
    public IClientStreamWriter<TRequest> RequestStream => _call;

    /// <summary>The responses; a non-OK status is thrown as <see cref="RpcException"/> at the end of the stream.</summary>
    public IAsyncStreamReader<TResponse> ResponseStream => _call;

    /// <summary>The response headers, once the server sent them.</summary>
    public Task<Metadata> ResponseHeadersAsync => _call.ResponseHeadersAsync();

    /// <summary>Reads all responses as an async sequence.</summary>
    public IAsyncEnumerable<TResponse> ReadAllAsync(CancellationToken cancellationToken = default) => _call.ReadAllAsync(cancellationToken);

    /// <summary>The final status; available once the response stream has ended.</summary>
    /// <exception cref="InvalidOperationException">The call is still in progress.</exception>
    public Status GetStatus() => _call.GetStatus();

    /// <summary>The trailers; available once the response stream has ended.</summary>
    /// <exception cref="InvalidOperationException">The call is still in progress.</exception>
    public Metadata GetTrailers() => _call.GetTrailers();

    /// <summary>Cancels the call if it is still running and releases its resources.</summary>
    public void Dispose() => _call.Dispose();
}
