using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Civic.Bench.Rpc;

/// <summary>
/// Host settings shared by the benchmarked .NET servers: an h2c endpoint on loopback and logging at
/// Warning, as a production service runs, and a counters port (<see cref="BenchStatsListener"/>) at
/// port + 1000. Both servers use this, so neither gets a lighter host.
/// </summary>
public static class BenchHost
{
    public static WebApplicationBuilder CreateBuilder(string[] args, int defaultPort)
    {
        var builder = WebApplication.CreateBuilder(args);
        var port = builder.Configuration.GetValue("port", defaultPort);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, port, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddHostedService(_ => new BenchStatsListener(port + 1000));
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Listening on h2c://127.0.0.1:{port}"));
        return builder;
    }
}
