using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Civic.Hosting.Grpc;

/// <summary>One gRPC service a feature serves; <see cref="CivicGrpcEndpointRouteBuilderExtensions.MapCivicGrpc"/> maps them all.</summary>
public sealed class GrpcServiceRegistration(Func<IEndpointRouteBuilder, GrpcServiceEndpointConventionBuilder> map)
{
    internal GrpcServiceEndpointConventionBuilder Map(IEndpointRouteBuilder endpoints) => map(endpoints);
}
