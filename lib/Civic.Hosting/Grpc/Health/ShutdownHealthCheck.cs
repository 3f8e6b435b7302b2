using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Civic.Hosting.Grpc.Health;

/// <summary>Not ready once shutdown has begun, so load balancers stop sending calls while running ones finish.</summary>
public sealed class ShutdownHealthCheck(IHostApplicationLifetime lifetime) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(lifetime.ApplicationStopping.IsCancellationRequested
            ? new HealthCheckResult(context.Registration.FailureStatus, "The service is shutting down.")
            : HealthCheckResult.Healthy());
}
