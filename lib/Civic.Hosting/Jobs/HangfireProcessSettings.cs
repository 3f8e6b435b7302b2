using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Logging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Civic.Hosting.Jobs;

/// <summary>
/// The few Hangfire settings that exist only once per process (its GlobalConfiguration): the
/// serialisation format of stored jobs and where Hangfire's own log goes. Everything that can be
/// per host (storage, activator, recurring job manager, server, dashboard) is registered in DI by
/// <see cref="JobsHostApplicationBuilderExtensions.AddCivicJobs"/> instead, so that two hosts in one
/// process (tests run two replicas side by side) never share them.
/// </summary>
internal static class HangfireProcessSettings
{
    private static readonly Lazy<bool> Applied = new(() =>
    {
        // The 1.8 format with short type names: stored jobs survive an assembly version change.
        GlobalConfiguration.Configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings();
        LogProvider.SetCurrentLogProvider(HangfireLogBridge.Instance);
        return true;
    });

    /// <summary>Applies the settings, once per process.</summary>
    public static void Apply() => _ = Applied.Value;
}

/// <summary>
/// Hangfire logs through one process-wide provider rather than through DI. This one forwards to the
/// logger factory of the host that attached last and is still running: in a service, its only host.
/// (In a test process with several hosts, Hangfire's own messages land in one of them; the hosts'
/// own logging is unaffected.)
/// </summary>
internal sealed class HangfireLogBridge : ILogProvider
{
    public static readonly HangfireLogBridge Instance = new();

    private readonly Lock _gate = new();
    private readonly List<AspNetCoreLogProvider> _attached = [];

    public ILog GetLogger(string name) => new BridgedLog(this, name);

    public void Attach(AspNetCoreLogProvider provider)
    {
        lock (_gate)
        {
            _attached.Add(provider);
        }
    }

    public void Detach(AspNetCoreLogProvider provider)
    {
        lock (_gate)
        {
            _attached.Remove(provider);
        }
    }

    private AspNetCoreLogProvider? Current()
    {
        lock (_gate)
        {
            return _attached.Count == 0 ? null : _attached[^1];
        }
    }

    private sealed class BridgedLog(HangfireLogBridge bridge, string name) : ILog
    {
        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            try
            {
                return bridge.Current()?.GetLogger(name).Log(logLevel, messageFunc, exception) ?? false;
            }
            catch (ObjectDisposedException)
            {
                // The host stopped between Current() and the call: its logging is gone.
                return false;
            }
        }
    }
}

/// <summary>Attaches this host's logging to <see cref="HangfireLogBridge"/> while the host runs; registered before the Hangfire server, so it detaches after the server stopped.</summary>
internal sealed class HangfireLogAttachment(ILoggerFactory loggerFactory) : IHostedService
{
    private readonly AspNetCoreLogProvider _provider = new(loggerFactory);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        HangfireLogBridge.Instance.Attach(_provider);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        HangfireLogBridge.Instance.Detach(_provider);
        return Task.CompletedTask;
    }
}
