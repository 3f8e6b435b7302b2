using System.ComponentModel;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Civic.Testing;
using MimeKit;

namespace Civic.Services.FunctionalTests.Hotline;

/// <summary>
/// A real SMTP server for a test: Debian's aiosmtpd (python3-aiosmtpd) on a port of the test's own, keeping
/// every message it accepts in a Maildir. Missing, it skips the test locally and fails it in CI.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;
    private readonly StringBuilder _log = new();

    private SmtpSink(Process process, string folder)
    {
        _process = process;
        _folder = folder;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts aiosmtpd on <paramref name="port"/> and waits until it listens.</summary>
    public static async Task<SmtpSink> StartAsync(int port, CancellationToken cancellationToken)
    {
        var parent = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "civic-smtp-sink"));
        var folder = Path.Combine(parent.FullName, Guid.NewGuid().ToString("N"));
        Process process;
        try
        {
            process = Process.Start(new ProcessStartInfo("aiosmtpd", ["-n", "-l", $"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Mailbox", folder])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            })!;
        }
        catch (Win32Exception)
        {
            ExternalTool.Unavailable("aiosmtpd is not installed (apt package python3-aiosmtpd).");
            throw;
        }

        var sink = new SmtpSink(process, folder);
        process.OutputDataReceived += (_, line) => sink.Append(line.Data);
        process.ErrorDataReceived += (_, line) => sink.Append(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        for (var attempt = 0; attempt < 100 && !process.HasExited; attempt++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
                return sink;
            }
            catch (SocketException)
            {
                await Task.Delay(100, cancellationToken);
            }
        }

        await sink.DisposeAsync();
        throw new InvalidOperationException($"aiosmtpd did not listen on port {port}: {sink.Log}");
    }

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>Every message the server has accepted so far.</summary>
    public IReadOnlyList<MimeMessage> Messages()
    {
        var arrived = Path.Combine(_folder, "new");
        return Directory.Exists(arrived) ? Directory.GetFiles(arrived).Select(file => MimeMessage.Load(file)).ToList() : [];
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private void Append(string? line)
    {
        lock (_log)
        {
            _log.AppendLine(line);
        }
    }
}
