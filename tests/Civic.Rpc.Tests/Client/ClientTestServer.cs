using Civic.Rpc.Client;
using Civic.Rpc.Server;
using Civic.Rpc.Testing;
using Civic.Testing.V1;
using Microsoft.Extensions.DependencyInjection;

namespace Civic.Rpc.Tests.Client;

/// <summary>
/// A real Kestrel test server (TestService plus ProbeService) and the channels tests open to it;
/// disposing it closes them all and stops the server.
/// </summary>
public sealed class ClientTestServer : IAsyncDisposable
{
    private readonly List<RpcChannel> _channels = [];

    private ClientTestServer(RpcTestServer server, ProbeTarget probe)
    {
        Server = server;
        Probe = probe;
    }

    public RpcTestServer Server { get; }

    /// <summary>What ProbeService's onward call ended with.</summary>
    public ProbeTarget Probe { get; }

    /// <summary>What TestService's handlers observed.</summary>
    public HandlerProbe Handlers => Server.Services.GetRequiredService<HandlerProbe>();

    public static async Task<ClientTestServer> StartAsync(Action<RpcServerOptions>? configureRpc = null)
    {
        var probe = new ProbeTarget();
        var server = await RpcTestServer.StartAsync(configureRpc, services =>
        {
            services.AddSingleton(probe);
            services.AddRpcService<ProbeServiceHandler>(ProbeServiceReflection.Descriptor.Services[0]);
        });
        var result = new ClientTestServer(server, probe);
        probe.Client = result.CreateClient();
        return result;
    }

    /// <summary>A client on its own pooled channel to the server's h2c port.</summary>
    public RpcClient CreateClient(Action<RpcChannelOptions>? configure = null)
    {
        var options = new RpcChannelOptions();
        configure?.Invoke(options);
        return Track(RpcChannel.ForAddress(Server.Http2Address, options));
    }

    /// <summary>A client whose requests go through <paramref name="handler"/> (which may wrap a real connection).</summary>
    public RpcClient CreateClient(HttpMessageHandler handler, Action<RpcChannelOptions>? configure = null)
    {
        var options = new RpcChannelOptions();
        configure?.Invoke(options);
        return Track(new RpcChannel(Server.Http2Address, handler, options));
    }

    public async ValueTask DisposeAsync()
    {
        lock (_channels)
        {
            foreach (var channel in _channels)
            {
                channel.Dispose();
            }
        }

        await Server.DisposeAsync();
    }

    private RpcClient Track(RpcChannel channel)
    {
        lock (_channels)
        {
            _channels.Add(channel);
        }

        return new RpcClient(channel);
    }
}
