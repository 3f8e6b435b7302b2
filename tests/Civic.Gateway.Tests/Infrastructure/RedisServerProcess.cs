using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Civic.Testing;

namespace Civic.Gateway.Tests.Infrastructure;

/// <summary>A redis-server of the test's own on a free port, which the test can kill and start again to play an outage.</summary>
public sealed class RedisServerProcess : IAsyncDisposable
{
    private Process? _process;

    private RedisServerProcess(int port) => Port = port;

    public int Port { get; }

    /// <summary>The gateway's "Redis" section for this server.</summary>
    public Dictionary<string, string?> Settings => TestRedis.Settings("127.0.0.1", Port.ToString(CultureInfo.InvariantCulture));

    /// <summary>Starts redis-server (skips the test, or fails it in CI, when it is not installed) and waits until it listens.</summary>
    public static async Task<RedisServerProcess> StartAsync(CancellationToken cancellationToken)
    {
        var server = new RedisServerProcess(FreePort());
        await server.RestartAsync(cancellationToken);
        return server;
    }

    /// <summary>Starts the server again on the same port after <see cref="Kill"/>.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken)
    {
        try
        {
            _process = Process.Start(new ProcessStartInfo(
                "redis-server", ["--port", Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"])
            {
                RedirectStandardOutput = true,
                UseShellExecute = false,
            })!;
        }
        catch (Win32Exception)
        {
            ExternalTool.Unavailable("redis-server is not installed (apt package redis-server).");
            throw;
        }

        _process.OutputDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        for (var attempt = 0; attempt < 50; attempt++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port, cancellationToken);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100, cancellationToken);
            }
        }

        Kill();
        throw new InvalidOperationException($"redis-server did not listen on port {Port}.");
    }

    /// <summary>Kills the server at once, as a crash would.</summary>
    public void Kill()
    {
        if (_process is null)
        {
            return;
        }

        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
        _process = null;
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        return ValueTask.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
