using Civic.Rpc.Client;
using Microsoft.Extensions.Options;

namespace Civic.Gateway.Api;

/// <summary>One Civic.Rpc client per service for the JSON API, each over its own pooled HTTP/2 channel.</summary>
public sealed class CivicServiceClients : IDisposable
{
    private readonly RpcChannel[] _channels;

    public CivicServiceClients(IOptions<ServiceAddressOptions> addresses, ILoggerFactory loggerFactory, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        var channelOptions = new RpcChannelOptions { LoggerFactory = loggerFactory, TimeProvider = timeProvider };
        var hotline = RpcChannel.ForAddress(new Uri(addresses.Value.Hotline), channelOptions);
        var panel = RpcChannel.ForAddress(new Uri(addresses.Value.Panel), channelOptions);
        var network = RpcChannel.ForAddress(new Uri(addresses.Value.Network), channelOptions);
        _channels = [hotline, panel, network];
        Hotline = new RpcClient(hotline);
        Panel = new RpcClient(panel);
        Network = new RpcClient(network);
    }

    public RpcClient Hotline { get; }

    public RpcClient Panel { get; }

    public RpcClient Network { get; }

    public void Dispose()
    {
        foreach (var channel in _channels)
        {
            channel.Dispose();
        }
    }
}
