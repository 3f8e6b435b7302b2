using Civic.Interop.Tests.Harness;
using Civic.Rpc.Client;
using Civic.Testing;

namespace Civic.Interop.Tests.GrpcJsServer;

/// <summary>
/// One grpc-js server process for the test class, and Civic clients on channels to it. The server's
/// message limit is 256 KiB both ways, like the Civic test server's in the other direction.
/// </summary>
public sealed class GrpcJsServerFixture : IAsyncLifetime
{
    public const int ServerMessageLimit = 256 * 1024;

    private readonly List<RpcChannel> _channels = [];
    private readonly Lock _lock = new();
    private GrpcJsServerProcess? _server;
    private string? _unavailable;

    /// <summary>The server; skips (locally) or fails (in CI) when node or grpc-js is missing.</summary>
    public GrpcJsServerProcess Server
    {
        get
        {
            if (_unavailable is not null)
            {
                ExternalTool.Unavailable(_unavailable);
            }

            return _server ?? throw new InvalidOperationException("The fixture was not initialised.");
        }
    }

    public async ValueTask InitializeAsync()
    {
        _unavailable = await PeerTools.NodeProblemAsync();
        if (_unavailable is null)
        {
            _server = await GrpcJsServerProcess.StartAsync();
        }
    }

    /// <summary>A Civic client on a pooled channel of its own to the grpc-js server.</summary>
    public RpcClient CreateClient(Action<RpcChannelOptions>? configure = null)
    {
        var options = new RpcChannelOptions();
        // Interop tests look at single attempts: no retries, no circuit breaker between tests.
        options.Resilience.MaxRetryAttempts = 0;
        options.Resilience.EnableCircuitBreaker = false;
        configure?.Invoke(options);
        var channel = RpcChannel.ForAddress(Server.Address, options);
        lock (_lock)
        {
            _channels.Add(channel);
        }

        return new RpcClient(channel);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var channel in _channels)
        {
            channel.Dispose();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
