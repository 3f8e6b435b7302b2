using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Civic.Rpc.Health;

/// <summary>
/// Whether this server is ready to serve: the health checks tagged <see cref="RpcHealthOptions.ReadyTag"/>
/// are Healthy or Degraded and the application is not stopping. One evaluation is shared by all
/// concurrent callers and reused for <see cref="RpcHealthOptions.CacheDuration"/>.
/// </summary>
internal sealed class RpcReadiness(
    HealthCheckService healthChecks,
    IHostApplicationLifetime lifetime,
    TimeProvider timeProvider,
    IOptions<RpcHealthOptions> options,
    ILogger<RpcReadiness> logger)
{
    private readonly Lock _gate = new();
    private readonly TimeSpan _cacheDuration = options.Value.CacheDuration;
    private Task<Evaluation>? _evaluation;
    private bool? _lastReady;

    /// <summary>Fires when the application begins a graceful shutdown.</summary>
    public CancellationToken Stopping => lifetime.ApplicationStopping;

    public async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        if (Stopping.IsCancellationRequested)
        {
            return false;
        }

        Task<Evaluation> evaluation;
        lock (_gate)
        {
            if (_evaluation is null || !IsReusable(_evaluation))
            {
                _evaluation = EvaluateAsync();
            }

            evaluation = _evaluation;
        }

        // The shared evaluation is not tied to one caller's token; a caller that goes away just stops waiting.
        var result = await evaluation.WaitAsync(cancellationToken);
        return result.Ready && !Stopping.IsCancellationRequested;
    }

    private bool IsReusable(Task<Evaluation> evaluation) => evaluation switch
    {
        { IsCompletedSuccessfully: true } => timeProvider.GetElapsedTime(evaluation.Result.CompletedAt) < _cacheDuration,
        { IsCompleted: false } => true,
        _ => false,
    };

    private async Task<Evaluation> EvaluateAsync()
    {
        var report = await healthChecks.CheckHealthAsync(
            registration => registration.Tags.Contains(RpcHealthOptions.ReadyTag), CancellationToken.None);
        var ready = report.Status != HealthStatus.Unhealthy;
        LogTransition(ready, report);
        return new Evaluation(ready, timeProvider.GetTimestamp());
    }

    private void LogTransition(bool ready, HealthReport report)
    {
        lock (_gate)
        {
            if (_lastReady == ready)
            {
                return;
            }

            _lastReady = ready;
        }

        if (ready)
        {
            RpcHealthLog.Ready(logger);
        }
        else
        {
            var failing = string.Join(", ", report.Entries.Where(e => e.Value.Status == HealthStatus.Unhealthy).Select(e => e.Key));
            RpcHealthLog.NotReady(logger, failing);
        }
    }

    private sealed record Evaluation(bool Ready, long CompletedAt);
}
