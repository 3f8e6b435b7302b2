using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Civic.Hosting.Grpc;

/// <summary>One gRPC service a feature serves; <see cref="CivicGrpcEndpointRouteBuilderExtensions.MapCivicGrpc"/> maps them all.</summary>
public sealed class GrpcServiceRegistration(Type serviceType, Func<IEndpointRouteBuilder, GrpcServiceEndpointConventionBuilder> map)
{
    public Type ServiceType { get; } = serviceType;

    internal GrpcServiceEndpointConventionBuilder Map(IEndpointRouteBuilder endpoints) => map(endpoints);
}
