using Civic.Hosting.DemoData;
using Civic.Hosting.Grpc;

namespace Civic.Panel.Cases;

public static class CasesServiceCollectionExtensions
{
    /// <summary>Adds the case registry, its gRPC service (and JSON routes) and its demo data.</summary>
    public static IServiceCollection AddCases(this IServiceCollection services) =>
        services
            .AddScoped<CaseRegistry>()
            .AddGrpcService<CaseGrpcService>()
            .AddScoped<IDemoDataSeeder, DemoCases>();
}
