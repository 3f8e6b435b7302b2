using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Civic.Hosting.Grpc;

public static class CivicGrpcEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps every gRPC service the features registered (<see cref="CivicGrpcServiceCollectionExtensions.AddGrpcService{TService}"/>),
    /// health and reflection, then reads and checks every RPC's access rule: an RPC whose handler
    /// declares none stops start-up here, naming it.
    /// </summary>
    public static IEndpointRouteBuilder MapCivicGrpc(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        foreach (var registration in endpoints.ServiceProvider.GetServices<GrpcServiceRegistration>())
        {
            registration.Map(endpoints);
        }

        endpoints.MapGrpcHealthChecksService();
        endpoints.MapGrpcReflectionService();
        endpoints.ServiceProvider.GetRequiredService<RpcAccessRulesProvider>().Load(endpoints);
        return endpoints;
    }
}
