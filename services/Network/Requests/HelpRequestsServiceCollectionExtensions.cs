using Civic.Hosting.DemoData;
using Civic.Hosting.Grpc;
using Civic.Network.Capacity;

namespace Civic.Network.Requests;

public static class HelpRequestsServiceCollectionExtensions
{
    /// <summary>Adds the request desk, the capacity ledger, the requests' gRPC service (and JSON routes) and a demo request.</summary>
    public static IServiceCollection AddHelpRequests(this IServiceCollection services) =>
        services
            .AddScoped<CapacityLedger>()
            .AddScoped<HelpRequestDesk>()
            .AddGrpcService<HelpRequestGrpcService>()
            .AddScoped<IDemoDataSeeder, DemoHelpRequests>();
}
