using Civic.Hosting.DemoData;
using Civic.Hosting.Grpc;

namespace Civic.Network.ResourcePersons;

public static class ResourcePersonsServiceCollectionExtensions
{
    /// <summary>Adds the resource person directory, its gRPC service (and JSON routes) and its demo data.</summary>
    public static IServiceCollection AddResourcePersons(this IServiceCollection services) =>
        services
            .AddScoped<ResourcePersonDirectory>()
            .AddGrpcService<ResourcePersonGrpcService>()
            .AddScoped<IDemoDataSeeder, DemoResourcePersons>();
}
