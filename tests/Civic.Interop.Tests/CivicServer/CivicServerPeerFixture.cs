using Civic.Interop.Tests.Harness;
using Civic.Testing;

namespace Civic.Interop.Tests.CivicServer;

/// <summary>
/// Two Civic test servers, one with small message limits (so size-limit cases stay fast) and one that
/// compresses responses, called by a peer client's "core" suite.
/// </summary>
public abstract class CivicServerPeerFixture(PeerProgram peer) : PeerFixture(peer)
{
    /// <summary>The first server's message size limit (both directions); the peers know it too.</summary>
    public const int MessageLimit = 256 * 1024;

    public CallRecorder Recorder { get; } = new();

    public GrpcTestServer? Server { get; private set; }

    public GrpcTestServer? CompressingServer { get; private set; }

    protected override async Task<PeerReport> RunAsync()
    {
        Server = await GrpcTestServer.StartAsync(
            options =>
            {
                options.MaxReceiveMessageSize = MessageLimit;
                options.MaxSendMessageSize = MessageLimit;
            },
            Recorder.AddTo);
        CompressingServer = await GrpcTestServer.StartAsync(options => options.ResponseCompressionAlgorithm = "gzip", Recorder.AddTo);
        return await Peer.RunAsync(
            "core", ["--target", Server.Http2Address.Authority, "--compressing-target", CompressingServer.Http2Address.Authority]);
    }

    protected override async ValueTask DisposeServersAsync()
    {
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }

        if (CompressingServer is not null)
        {
            await CompressingServer.DisposeAsync();
        }
    }
}

public sealed class GrpcioClientFixture() : CivicServerPeerFixture(PeerProgram.GrpcioClient);

public sealed class GrpcJsClientFixture() : CivicServerPeerFixture(PeerProgram.GrpcJsClient);
