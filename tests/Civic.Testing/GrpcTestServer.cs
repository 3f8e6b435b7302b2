using System.Collections.Concurrent;
using System.Net;
using Civic.Defaults.Auth;
using Civic.Hosting.Grpc;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Civic.Testing;

/// <summary>
/// A real Kestrel server on loopback serving <c>civic.testing.v1.TestService</c> on the services' gRPC stack (Grpc.AspNetCore with Civic's interceptors):
/// an h2c port for gRPC and an HTTP/1.1 port for protocol-violation tests. Logs are captured.
/// </summary>
public sealed class GrpcTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private GrpcTestServer(WebApplication app, Uri http2Address, Uri http1Address, CapturingLoggerProvider logs)
    {
        _app = app;
        Http2Address = http2Address;
        Http1Address = http1Address;
        Logs = logs;
    }

    /// <summary>The h2c (HTTP/2 prior knowledge) address, e.g. http://127.0.0.1:41234.</summary>
    public Uri Http2Address { get; }

    /// <summary>An HTTP/1.1-only address on the same application.</summary>
    public Uri Http1Address { get; }

    public CapturingLoggerProvider Logs { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<GrpcTestServer> StartAsync(
        Action<GrpcServiceOptions>? configureRpc = null, Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        var logs = new CapturingLoggerProvider();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2);
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http1);
        });
        builder.Services.AddCivicAuthentication(builder.Environment, asDefaultScheme: false);
        builder.Services.AddCivicGrpcServer(configureRpc);
        builder.Services.AddSingleton<HandlerProbe>();
        builder.Services.AddGrpcService<TestServiceHandler>();
        configureServices?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapCivicGrpc();
        await app.StartAsync();

        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(a => new Uri(a))
            .ToList();
        return new GrpcTestServer(app, addresses[0], addresses[1], logs);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>Keeps every log entry so tests can check what the server logged (and what it did not).</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyCollection<LogEntry> Entries => _entries;

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, _entries);

    public void Dispose()
    {
    }

    public sealed record LogEntry(string Category, LogLevel Level, string Message, Exception? Exception);

    private sealed class CapturingLogger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new LogEntry(category, logLevel, formatter(state, exception), exception));
    }
}
