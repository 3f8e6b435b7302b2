using Civic.Rpc.Testing;

namespace Civic.Rpc.Tests.Server;

/// <summary>One real test server per test class, with a small receive limit so size cases are cheap.</summary>
public sealed class TestServerFixture : IAsyncLifetime
{
    public const int MaxReceiveMessageSize = 64 * 1024;

    public RpcTestServer Server { get; private set; } = null!;

    public async ValueTask InitializeAsync() =>
        Server = await RpcTestServer.StartAsync(o =>
        {
            o.MaxReceiveMessageSize = MaxReceiveMessageSize;
            o.MaxSendMessageSize = MaxReceiveMessageSize;
        });

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();
}
