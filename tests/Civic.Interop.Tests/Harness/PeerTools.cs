using System.ComponentModel;
using Civic.Testing;

namespace Civic.Interop.Tests.Harness;

/// <summary>
/// Where the peer programs live and whether their runtimes are here: Debian's python3 with grpcio and
/// protobuf plus protoc with the well-known types' .proto files (libprotobuf-dev), and node with the repository's node_modules (@grpc/grpc-js, @grpc/proto-loader).
/// </summary>
public static class PeerTools
{
    /// <summary>Debian's interpreter: the one python3-grpcio and python3-protobuf install into.</summary>
    public const string Python = "/usr/bin/python3";

    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(30);
    private static readonly Lazy<Task<string?>> PythonProblem = new(FindPythonProblemAsync);
    private static readonly Lazy<Task<string?>> NodeProblem = new(FindNodeProblemAsync);

    public static string PeersDirectory => Path.Combine(ExternalTool.RepositoryRoot, "tests", "Civic.Interop.Tests", "peers");

    /// <summary>The include paths for protoc and protobufjs: the test service's protos and the repository's.</summary>
    public static IReadOnlyList<string> ProtoRoots =>
    [
        Path.Combine(ExternalTool.RepositoryRoot, "tests", "Civic.Testing", "Protos"),
        Path.Combine(ExternalTool.RepositoryRoot, "protos"),
    ];

    /// <summary>Why the Python peer cannot run here, or null when it can.</summary>
    public static Task<string?> PythonProblemAsync() => PythonProblem.Value;

    /// <summary>Why the Node peer cannot run here, or null when it can.</summary>
    public static Task<string?> NodeProblemAsync() => NodeProblem.Value;

    /// <summary>The arguments that point a peer at the proto include paths.</summary>
    public static IEnumerable<string> ProtoRootArguments() => ProtoRoots.SelectMany(root => new[] { "--proto-root", root });

    private static async Task<string?> FindPythonProblemAsync()
    {
        if (!File.Exists(Python))
        {
            return $"{Python} is missing (apt-get install python3-grpcio python3-protobuf protobuf-compiler).";
        }

        var python = await ProbeAsync(Python, ["-c", "import grpc, google.protobuf"]);
        if (python is not null)
        {
            return $"{Python} cannot import grpc and google.protobuf (apt-get install python3-grpcio python3-protobuf): {python}";
        }

        var protoc = await ProbeAsync("protoc", ["--version"]);
        if (protoc is not null)
        {
            return $"protoc is not usable (apt-get install protobuf-compiler): {protoc}";
        }

        // google/rpc/status.proto imports google/protobuf/any.proto, which protoc finds only with libprotobuf-dev.
        var scratch = Directory.CreateTempSubdirectory("civic-protoc-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(scratch.FullName, "probe.proto"), "syntax = \"proto3\";\nimport \"google/protobuf/any.proto\";\n");
            var includes = await ProbeAsync("protoc", [$"-I{scratch.FullName}", $"--descriptor_set_out={Path.Combine(scratch.FullName, "probe.pb")}", Path.Combine(scratch.FullName, "probe.proto")]);
            return includes is null
                ? null
                : $"protoc cannot find google/protobuf/*.proto (apt-get install libprotobuf-dev): {includes}";
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    private static async Task<string?> FindNodeProblemAsync()
    {
        var modules = Path.Combine(ExternalTool.RepositoryRoot, "node_modules", "@grpc");
        foreach (var package in new[] { "grpc-js", "proto-loader" })
        {
            if (!File.Exists(Path.Combine(modules, package, "package.json")))
            {
                return $"node_modules/@grpc/{package} is missing (run npm ci at the repository root).";
            }
        }

        var node = await ProbeAsync("node", ["--version"]);
        return node is null ? null : $"node is not usable: {node}";
    }

    private static async Task<string?> ProbeAsync(string fileName, string[] arguments)
    {
        try
        {
            var (exitCode, _, error) = await ExternalTool.RunAsync(fileName, arguments, ProbeTimeout);
            return exitCode == 0 ? null : $"exit code {exitCode}: {error.Trim()}";
        }
        catch (Win32Exception exception)
        {
            return exception.Message;
        }
    }
}
