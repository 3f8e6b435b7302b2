using System.Net;

namespace Civic.Rpc.Client;

/// <summary>
/// A connection pool to one gRPC server: HTTP/2 (h2c prior knowledge on <c>http://</c>, ALPN on
/// <c>https://</c>) over one shared handler. Create one per server address and keep it for the
/// application's lifetime; it is safe to use from many threads and many <see cref="RpcClient"/>s.
/// </summary>
public sealed class RpcChannel : IDisposable
{
    private readonly HttpMessageInvoker _invoker;

    /// <summary>Sends calls through <paramref name="handler"/>, e.g. a test server's handler or a custom pipeline.</summary>
    /// <param name="address">The server's base address (http or https).</param>
    /// <param name="handler">The handler that carries the HTTP/2 requests.</param>
    /// <param name="options">Channel settings; defaults when null.</param>
    /// <param name="disposeHandler">Dispose <paramref name="handler"/> with the channel.</param>
    public RpcChannel(Uri address, HttpMessageHandler handler, RpcChannelOptions? options = null, bool disposeHandler = true)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(handler);
        if (!address.IsAbsoluteUri || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"The address '{address}' must be an absolute http:// or https:// URI.", nameof(address));
        }

        Options = options ?? new RpcChannelOptions();
        Options.Validate();
        // A trailing slash makes relative method paths land under any path base the address has.
        Address = address.AbsolutePath.EndsWith('/') ? address : new Uri(address.AbsoluteUri + "/");
        // HttpMessageInvoker rather than HttpClient: no 100-second default timeout and no response buffering;
        // deadlines and streaming are the call's business.
        _invoker = new HttpMessageInvoker(handler, disposeHandler);
    }

    /// <summary>The server's base address.</summary>
    public Uri Address { get; }

    /// <summary>The channel's settings. Change them before the first call, not after.</summary>
    public RpcChannelOptions Options { get; }

    internal HttpMessageInvoker Invoker => _invoker;

    /// <summary>
    /// A channel with its own pooled <see cref="SocketsHttpHandler"/>: several HTTP/2 connections when
    /// one runs out of streams, keep-alive pings while calls are active, no proxy, no cookies.
    /// </summary>
    public static RpcChannel ForAddress(Uri address, RpcChannelOptions? options = null)
    {
        options ??= new RpcChannelOptions();
        var handler = new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            KeepAlivePingDelay = options.KeepAlivePingDelay,
            KeepAlivePingTimeout = options.KeepAlivePingTimeout,
            // Pinging idle connections too would trip gRPC servers' "too many pings" protection.
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
            ConnectTimeout = options.ConnectTimeout,
            AutomaticDecompression = DecompressionMethods.None,
            AllowAutoRedirect = false,
            UseCookies = false,
            // Service-to-service calls go straight to the cluster address; an environment proxy cannot carry h2c.
            UseProxy = false,
        };
        try
        {
            return new RpcChannel(address, handler, options, disposeHandler: true);
        }
        catch
        {
            handler.Dispose();
            throw;
        }
    }

    internal Uri MethodUri(string path) => new(Address, path.TrimStart('/'));

    /// <summary>Closes the pooled connections; calls still running fail.</summary>
    public void Dispose() => _invoker.Dispose();
}
