using Civic.Interop.Tests.Peers;
using Civic.Rpc.Testing;

namespace Civic.Interop.Tests.CivicServer;

/// <summary>
/// Starts Civic test servers and runs one independent client program against them once; every test
/// then asserts on one case of its report. Two servers: one with small message limits (so size-limit
/// cases stay fast) and one that compresses responses.
/// </summary>
public abstract class CivicServerPeerFixture : IAsyncLifetime
{
    /// <summary>The servers' message size limit (both directions); the peers know it too.</summary>
    public const int MessageLimit = 256 * 1024;

    private static readonly TimeSpan PeerTimeout = TimeSpan.FromMinutes(3);
    private PeerReport? _report;
    private string? _unavailable;

    public CallRecorder Recorder { get; } = new();

    public RpcTestServer? Server { get; private set; }

    public RpcTestServer? CompressingServer { get; private set; }

    /// <summary>Names the peer in failure messages, e.g. "grpcio client".</summary>
    protected abstract string Description { get; }

    /// <summary>The peer's report; skips (locally) or fails (in CI) when the peer cannot run here.</summary>
    public PeerReport Report
    {
        get
        {
            if (_unavailable is not null)
            {
                ExternalTool.Unavailable(_unavailable);
            }

            return _report ?? throw new InvalidOperationException("The fixture was not initialised.");
        }
    }

    public async ValueTask InitializeAsync()
    {
        _unavailable = await FindProblemAsync();
        if (_unavailable is not null)
        {
            return;
        }

        Server = await RpcTestServer.StartAsync(
            options =>
            {
                options.MaxReceiveMessageSize = MessageLimit;
                options.MaxSendMessageSize = MessageLimit;
            },
            Recorder.AddTo);
        CompressingServer = await RpcTestServer.StartAsync(options => options.CompressResponses = true, Recorder.AddTo);
        var (fileName, arguments) = Command(Server.Http2Address.Authority, CompressingServer.Http2Address.Authority);
        _report = await PeerReport.RunAsync(Description, fileName, arguments, PeerTimeout);
    }

    public async ValueTask DisposeAsync()
    {
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }

        if (CompressingServer is not null)
        {
            await CompressingServer.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Why the peer cannot run here, or null.</summary>
    protected abstract Task<string?> FindProblemAsync();

    /// <summary>The command line that runs every core case against the two servers.</summary>
    protected abstract (string FileName, IEnumerable<string> Arguments) Command(string target, string compressingTarget);
}

/// <summary>Python grpcio (Debian's python3-grpcio) as the client.</summary>
public sealed class GrpcioClientFixture : CivicServerPeerFixture
{
    protected override string Description => "The grpcio client (peers/grpcio_client.py)";

    protected override Task<string?> FindProblemAsync() => PeerTools.PythonProblemAsync();

    protected override (string FileName, IEnumerable<string> Arguments) Command(string target, string compressingTarget) =>
        (PeerTools.Python,
        [
            Path.Combine(PeerTools.PeersDirectory, "grpcio_client.py"), "core",
            "--target", target, "--compressing-target", compressingTarget, .. PeerTools.ProtoRootArguments(),
        ]);
}

/// <summary>Node @grpc/grpc-js as the client.</summary>
public sealed class GrpcJsClientFixture : CivicServerPeerFixture
{
    protected override string Description => "The grpc-js client (peers/grpc_js_client.js)";

    protected override Task<string?> FindProblemAsync() => PeerTools.NodeProblemAsync();

    protected override (string FileName, IEnumerable<string> Arguments) Command(string target, string compressingTarget) =>
        ("node",
        [
            Path.Combine(PeerTools.PeersDirectory, "grpc_js_client.js"), "core",
            "--target", target, "--compressing-target", compressingTarget, .. PeerTools.ProtoRootArguments(),
        ]);
}
