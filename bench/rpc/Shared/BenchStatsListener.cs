using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Civic.Bench.Rpc;

/// <summary>
/// Answers every TCP connection on its own port with one line of process counters
/// (<c>allocated_bytes gen0 gen1 gen2 cpu_ms</c>) and closes it, so run.sh can compute allocations
/// and collections per call. It runs beside Kestrel, so the measured request path is untouched.
/// </summary>
public sealed class BenchStatsListener(int port) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var listener = new TcpListener(IPAddress.Loopback, port);
        // The port lies in Linux's ephemeral range: after a benchmark that opened many connections, one
        // of them may still hold it in TIME_WAIT, which refuses a plain bind (Kestrel sets this too).
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        while (!stoppingToken.IsCancellationRequested)
        {
            using var client = await listener.AcceptTcpClientAsync(stoppingToken);
            var line = string.Create(CultureInfo.InvariantCulture,
                $"{GC.GetTotalAllocatedBytes(precise: true)} {GC.CollectionCount(0)} {GC.CollectionCount(1)} {GC.CollectionCount(2)} {(long)Environment.CpuUsage.TotalTime.TotalMilliseconds}\n");
            await client.GetStream().WriteAsync(Encoding.ASCII.GetBytes(line), stoppingToken);
        }
    }
}
