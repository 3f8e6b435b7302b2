using Civic.Interop.Tests.Harness;
using Civic.Testing;
using Grpc.Net.Client;

namespace Civic.Interop.Tests.GrpcJsServer;

/// <summary>
/// One grpc-js server process for the test class, and Civic clients (Grpc.Net.Client) on channels to it.
/// The server's message limit is 256 KiB both ways, like the Civic test server's in the other direction.
/// </summary>
public sealed class GrpcJsServerFixture : IAsyncLifetime
{
    public const int ServerMessageLimit = 256 * 1024;

    private readonly List<GrpcChannel> _channels = [];
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

    /// <summary>A channel of its own to the grpc-js server (h2c; no retries unless configured: interop tests look at single attempts).</summary>
    public GrpcChannel CreateChannel(Action<GrpcChannelOptions>? configure = null)
    {
        var options = new GrpcChannelOptions();
        configure?.Invoke(options);
        var channel = GrpcChannel.ForAddress(Server.Address, options);
        lock (_lock)
        {
            _channels.Add(channel);
        }

        return channel;
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
