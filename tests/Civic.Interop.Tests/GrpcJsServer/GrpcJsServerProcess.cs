using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Civic.Interop.Tests.Harness;
using Civic.Testing;

namespace Civic.Interop.Tests.GrpcJsServer;

/// <summary>
/// peers/grpc_js_server.js running on a free loopback port: a grpc-js server of
/// civic.testing.v1.TestService that reports, per call, the raw request headers and any cancellation.
/// </summary>
public sealed class GrpcJsServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private readonly Process _process;
    private readonly ConcurrentQueue<JsonElement> _events = new();
    private readonly ConcurrentQueue<string> _errors = new();
    private readonly TaskCompletionSource<int> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private GrpcJsServerProcess(Process process) => _process = process;

    public Uri Address { get; private set; } = null!;

    public static async Task<GrpcJsServerProcess> StartAsync()
    {
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = ExternalTool.RepositoryRoot,
        };
        start.ArgumentList.Add(Path.Combine(PeerTools.PeersDirectory, "grpc_js_server.js"));
        foreach (var argument in PeerTools.ProtoRootArguments())
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var server = new GrpcJsServerProcess(process);
        process.OutputDataReceived += (_, e) => server.OnOutput(e.Data);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                server._errors.Enqueue(e.Data);
            }
        };
        process.Exited += (_, _) => server._ready.TrySetException(
            new InvalidOperationException($"grpc_js_server.js exited before it was ready: {string.Join('\n', server._errors)}"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var port = await server._ready.Task.WaitAsync(StartTimeout);
            server.Address = new Uri($"http://127.0.0.1:{port}");
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>The raw HTTP/2 request headers of the first call made for a case (x-case header).</summary>
    public IReadOnlyDictionary<string, string> HeadersOf(string caseName)
    {
        var call = _events.FirstOrDefault(e => Is(e, "call", caseName));
        if (call.ValueKind == JsonValueKind.Undefined)
        {
            Assert.Fail($"The grpc-js server saw no call for case '{caseName}'.");
        }

        return call.GetProperty("headers").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
    }

    /// <summary>Waits (bounded) until the server reports that the client cancelled a call of this case.</summary>
    public async Task<bool> WaitForCancellationAsync(string caseName, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var waited = TimeSpan.Zero;
        var step = TimeSpan.FromMilliseconds(50);
        while (!_events.Any(e => Is(e, "cancelled", caseName)))
        {
            if (waited >= timeout)
            {
                return false;
            }

            await Task.Delay(step, cancellationToken);
            waited += step;
        }

        return true;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // Closing stdin asks the server to shut down; kill it if it does not.
            _process.StandardInput.Close();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync(CancellationToken.None);
            }
        }

        _process.Dispose();
    }

    private static bool Is(JsonElement element, string kind, string caseName) =>
        element.GetProperty("event").GetString() == kind
        && element.TryGetProperty("case", out var name) && name.ValueKind == JsonValueKind.String && name.GetString() == caseName;

    private void OnOutput(string? line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return;
        }

        try
        {
            using var document = JsonDocument.Parse(line);
            var element = document.RootElement.Clone();
            if (element.GetProperty("event").GetString() == "ready")
            {
                _ready.TrySetResult(element.GetProperty("port").GetInt32());
                return;
            }

            _events.Enqueue(element);
        }
        catch (JsonException)
        {
            _errors.Enqueue(line);
        }
    }
}
