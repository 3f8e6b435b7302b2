namespace Civic.Interop.Tests.Harness;

/// <summary>A peer client program in peers/, and what it needs to run.</summary>
public sealed class PeerProgram
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(3);

    private PeerProgram(string description, Func<Task<string?>> findProblemAsync, string fileName, string script)
    {
        Description = description;
        FindProblemAsync = findProblemAsync;
        FileName = fileName;
        Script = script;
    }

    /// <summary>Python grpcio (Debian's python3-grpcio).</summary>
    public static PeerProgram GrpcioClient { get; } = new(
        "The grpcio client (peers/grpcio_client.py)", PeerTools.PythonProblemAsync, PeerTools.Python, "grpcio_client.py");

    /// <summary>Node @grpc/grpc-js from the repository's node_modules.</summary>
    public static PeerProgram GrpcJsClient { get; } = new(
        "The grpc-js client (peers/grpc_js_client.js)", PeerTools.NodeProblemAsync, "node", "grpc_js_client.js");

    /// <summary>Names the peer in failure messages.</summary>
    public string Description { get; }

    /// <summary>Why the peer cannot run here, or null.</summary>
    public Func<Task<string?>> FindProblemAsync { get; }

    private string FileName { get; }

    private string Script { get; }

    /// <summary>Runs one suite of cases (e.g. "core") to completion and collects the report.</summary>
    public Task<PeerReport> RunAsync(string suite, IEnumerable<string> arguments) =>
        PeerReport.RunAsync(
            Description,
            FileName,
            [Path.Combine(PeerTools.PeersDirectory, Script), suite, .. arguments, .. PeerTools.ProtoRootArguments()],
            RunTimeout);
}
