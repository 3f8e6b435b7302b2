using Civic.Interop.Tests.Harness;
using Civic.Testing;
using Grpc.AspNetCore.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Civic.Interop.Tests.CivicServer;

/// <summary>A Civic test server with health and reflection, called by a peer client's "health_reflection" suite.</summary>
public abstract class HealthReflectionPeerFixture(PeerProgram peer) : PeerFixture(peer)
{
    public const string TestServiceName = "civic.testing.v1.TestService";

    public GrpcTestServer? Server { get; private set; }

    protected override async Task<PeerReport> RunAsync()
    {
        Server = await GrpcTestServer.StartAsync(configureServices: services =>
        {
            // MapCivicGrpc serves health and reflection; the overall health ("") is mapped by default,
            // the served service is named here as a service would name its own.
            // Grpc.AspNetCore.HealthChecks answers UNKNOWN for a service with no checks, so the test server gets one
            // (the services have their readiness checks).
            services.AddHealthChecks().AddCheck("test", () => HealthCheckResult.Healthy());
            services.Configure<GrpcHealthChecksOptions>(options => options.Services.Map(TestServiceName, _ => true));
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
