using Civic.Interop.Tests.Harness;
using Civic.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Civic.Interop.Tests.CivicServer;

/// <summary>A Civic test server with health and reflection, called by a peer client's "health_reflection" suite.</summary>
public abstract class HealthReflectionPeerFixture(PeerProgram peer) : PeerFixture(peer)
{
    public GrpcTestServer? Server { get; private set; }

    protected override async Task<PeerReport> RunAsync()
    {
        Server = await GrpcTestServer.StartAsync(configureServices: services =>
        {
            services.AddRpcHealth();
            services.AddRpcReflection();
        });
        return await Peer.RunAsync("health_reflection", ["--target", Server.Http2Address.Authority]);
    }

    protected override async ValueTask DisposeServersAsync()
    {
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }
}

public sealed class GrpcioHealthReflectionFixture() : HealthReflectionPeerFixture(PeerProgram.GrpcioClient);

public sealed class GrpcJsHealthReflectionFixture() : HealthReflectionPeerFixture(PeerProgram.GrpcJsClient);
