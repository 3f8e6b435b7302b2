using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Civic.Testing;

namespace Civic.Redis.Tests.Infrastructure;

/// <summary>
/// A redis-server started by a test on a free port, for tests that kill, restart or reconfigure the
/// server. Nothing is persisted. Skips locally / fails in CI when redis-server is not on PATH.
/// </summary>
public sealed class RedisServerProcess : IAsyncDisposable
{
    private readonly string _binary;
    private readonly IReadOnlyList<string> _arguments;
    private readonly bool _tls;
    private readonly StringBuilder _output = new();
    private Process? _process;

    private RedisServerProcess(string binary, int port, IReadOnlyList<string> arguments, bool tls)
    {
        _binary = binary;
        Port = port;
        _arguments = arguments;
        _tls = tls;
    }

    public int Port { get; }

    public string Endpoint => $"127.0.0.1:{Port}";

    /// <summary>Starts redis-server; <paramref name="extraArguments"/> are appended (e.g. --requirepass).</summary>
    public static async Task<RedisServerProcess> StartAsync(IEnumerable<string>? extraArguments = null, bool tls = false)
    {
        var binary = FindOnPath("redis-server");
        if (binary is null)
        {
            ExternalTool.Unavailable("redis-server is not on PATH (apt package redis-server).");
        }

        var port = FreePort();
        List<string> arguments = tls
            ? ["--port", "0", "--tls-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)]
            : ["--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)];
        arguments.AddRange(["--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no", "--loglevel", "warning"]);
        arguments.AddRange(extraArguments ?? []);
        var server = new RedisServerProcess(binary!, port, arguments, tls);
        await server.StartProcessAsync();
        return server;
    }

    /// <summary>Kills the server at once (SIGKILL), as a crash would.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    /// <summary>Starts the server again on the same port, with the same arguments (and no data).</summary>
    public Task RestartAsync() => StartProcessAsync();

    public async ValueTask DisposeAsync() => await KillAsync();

    private async Task StartProcessAsync()
    {
        var start = new ProcessStartInfo(_binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in _arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"redis-server exited with {process.ExitCode}: {Output}");
            }

            if (await AnswersAsync())
            {
                return;
            }

            await Task.Delay(25);
        }

        throw new TimeoutException($"redis-server on port {Port} did not start answering: {Output}");
    }

    /// <summary>Ready when it accepts TCP (TLS) or answers PING with anything, even NOAUTH (plain).</summary>
    private async Task<bool> AnswersAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            if (_tls)
            {
                return true;
            }

            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[64];
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            return await stream.ReadAsync(buffer, timeout.Token) > 0;
        }
        catch (Exception exception) when (exception is SocketException or IOException or OperationCanceledException)
        {
            return false;
        }
    }

    private string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            if (_output.Length < 16_000)
            {
                _output.AppendLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
}
