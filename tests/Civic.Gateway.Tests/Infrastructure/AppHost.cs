using Civic.Defaults.Auth;
using Civic.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Civic.Gateway.Tests.Infrastructure;

/// <summary>
/// One app (a service or the gateway), started for real by its own Program on Kestrel with ports the
/// system chooses, with the given settings on top of its appsettings.json. Logs are captured.
/// </summary>
public sealed class AppHost<TEntryPoint> : IAsyncDisposable
    where TEntryPoint : class
{
    private readonly Factory _factory;

    public AppHost(IReadOnlyDictionary<string, string?> settings, string environment = DevelopmentEnvironments.Testing)
    {
        _factory = new Factory(settings, environment);
        _factory.UseKestrel();
        _factory.StartServer();
        Addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(a => new Uri(a))
            .ToList();
    }

    /// <summary>The listening addresses, in the order the app listens.</summary>
    public IReadOnlyList<Uri> Addresses { get; }

    public IServiceProvider Services => _factory.Services;

    public CapturingLoggerProvider Logs => _factory.Logs;

    public IReadOnlyList<CapturingLoggerProvider.LogEntry> ErrorLogs() =>
        Logs.Entries.Where(e => e.Level >= LogLevel.Error).ToList();

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private sealed class Factory(IReadOnlyDictionary<string, string?> settings, string environment) : WebApplicationFactory<TEntryPoint>
    {
        public CapturingLoggerProvider Logs { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment(environment);
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        }
    }
}
