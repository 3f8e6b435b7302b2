using Civic.Hosting.Storage.Migrations;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Civic.Hosting.Grpc.Health;

/// <summary>
/// Ready when the service's database answers and every schema migration the service knows has
/// been applied; a replica that would fail on a missing table is kept out of traffic.
/// </summary>
public sealed class DatabaseHealthCheck(SchemaMigrator migrator) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        MigrationStatus status;
        try
        {
            status = await migrator.GetStatusAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "The database cannot be reached.", exception);
        }

        return status.IsUpToDate
            ? HealthCheckResult.Healthy($"The database is reachable and all {status.Applied.Count} migrations are applied.")
            : new HealthCheckResult(context.Registration.FailureStatus,
                $"{status.Pending.Count} schema migration(s) are not applied yet: {string.Join(", ", status.Pending)}. Run the service with the 'migrate' argument.");
    }
}
