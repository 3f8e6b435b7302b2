using System.ComponentModel;
using System.Text.Json;
using Civic.Testing;

namespace Civic.Gateway.Tests.Proxy;

/// <summary>A peer client program in peers/ (grpcio or grpc-js): what it needs, how it runs, what it reported.</summary>
public sealed class PeerProgram
{
    public const string Python = "/usr/bin/python3";

    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);

    private PeerProgram(string name, string fileName, string script, Func<Task<string?>> findProblem)
    {
        Name = name;
        FileName = fileName;
        Script = script;
        FindProblemAsync = findProblem;
    }

    public static PeerProgram Grpcio { get; } = new("grpcio", Python, "gateway_grpcio_client.py", PythonProblemAsync);

    public static PeerProgram GrpcJs { get; } = new("grpc-js", "node", "gateway_grpc_js_client.js", NodeProblemAsync);

    public string Name { get; }

    public Func<Task<string?>> FindProblemAsync { get; }

    private string FileName { get; }

    private string Script { get; }

    /// <summary>Runs every case once against <paramref name="arguments"/>' targets; one JSON object per case.</summary>
    public async Task<IReadOnlyDictionary<string, JsonElement>> RunAsync(IEnumerable<string> arguments)
    {
        var script = Path.Combine(ExternalTool.RepositoryRoot, "tests", "Civic.Gateway.Tests", "peers", Script);
        var protoRoots = new[] { Path.Combine(ExternalTool.RepositoryRoot, "protos"), Path.Combine(ExternalTool.RepositoryRoot, "tests", "Civic.Testing", "Protos") };
        var (exitCode, output, error) = await ExternalTool.RunAsync(
            FileName, [script, .. arguments, .. protoRoots.SelectMany(r => new[] { "--proto-root", r })], RunTimeout, ExternalTool.RepositoryRoot);
        var cases = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith('{'))
            {
                var json = JsonDocument.Parse(line).RootElement.Clone();
                cases[json.GetProperty("case").GetString()!] = json;
            }
        }

        Assert.True(exitCode == 0 && cases.Count > 0, $"The {Name} peer failed (exit code {exitCode}):\n{error}\n{output}");
        return cases;
    }

    private static async Task<string?> PythonProblemAsync()
    {
        if (!File.Exists(Python))
        {
            return $"{Python} is missing (apt-get install python3-grpcio python3-protobuf protobuf-compiler).";
        }

        return await ProbeAsync(Python, ["-c", "import grpc, google.protobuf"], "apt-get install python3-grpcio python3-protobuf")
            ?? await ProbeAsync("protoc", ["--version"], "apt-get install protobuf-compiler");
    }

    private static async Task<string?> NodeProblemAsync()
    {
        foreach (var package in new[] { "grpc-js", "proto-loader" })
        {
            if (!File.Exists(Path.Combine(ExternalTool.RepositoryRoot, "node_modules", "@grpc", package, "package.json")))
            {
                return $"node_modules/@grpc/{package} is missing (run npm ci at the repository root).";
            }
        }

        return await ProbeAsync("node", ["--version"], "install node 20");
    }

    private static async Task<string?> ProbeAsync(string fileName, string[] arguments, string remedy)
    {
        try
        {
            var (exitCode, _, error) = await ExternalTool.RunAsync(fileName, arguments, TimeSpan.FromSeconds(30));
            return exitCode == 0 ? null : $"{fileName} failed ({remedy}): {error.Trim()}";
        }
        catch (Win32Exception exception)
        {
            return $"{fileName} cannot run ({remedy}): {exception.Message}";
        }
    }
}
