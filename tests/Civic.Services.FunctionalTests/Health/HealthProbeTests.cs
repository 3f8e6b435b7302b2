using Civic.Hosting.Storage.Migrations;
using Civic.Services.FunctionalTests.Infrastructure;
using Grpc.Health.V1;
using DepartmentGrpcService = Civic.Hotline.Departments.DepartmentGrpcService;
using Microsoft.Extensions.DependencyInjection;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Civic.Services.FunctionalTests.Health;

/// <summary>
/// Kubernetes' two probes ask different questions: liveness only whether the process serves (so a
/// database outage never restarts pods in a loop), readiness whether the database is reachable and its
/// schema current (so such a replica gets no traffic).
/// </summary>
public sealed class HealthProbeTests : IAsyncDisposable
{
    private readonly SqliteBackend _storage = new();

    [Fact]
    public async Task Probes_SchemaNotMigrated_LiveButNotReady()
    {
        await using var host = new ServiceHost<DepartmentGrpcService>(new Dictionary<string, string>(_storage.Settings("hotline"))
        {
            ["Storage:MigrateOnStartup"] = "false",
        });

        Assert.Equal(ServingStatus.Serving, await StatusAsync(host, "liveness"));
        Assert.Equal(ServingStatus.NotServing, await StatusAsync(host, "readiness"));
        Assert.Equal(ServingStatus.NotServing, await StatusAsync(host, string.Empty));
    }

    [Fact]
    public async Task Probes_Migrated_LiveAndReady()
    {
        await using var host = new ServiceHost<DepartmentGrpcService>(_storage.Settings("hotline"));
        await host.Services.GetRequiredService<SchemaMigrator>().MigrateAsync(TestContext.Current.CancellationToken);

        Assert.Equal(ServingStatus.Serving, await StatusAsync(host, "liveness"));
        Assert.Equal(ServingStatus.Serving, await StatusAsync(host, "readiness"));
        Assert.Equal(ServingStatus.Serving, await StatusAsync(host, string.Empty));
    }

    public ValueTask DisposeAsync() => _storage.DisposeAsync();

    private static async Task<ServingStatus> StatusAsync(ServiceHost<DepartmentGrpcService> host, string service) =>
        (await host.CallAsync<HealthCheckRequest, HealthCheckResponse>(
            HealthReflection.Descriptor.Services[0], "Check", new HealthCheckRequest { Service = service }, role: null)).Status;
}
