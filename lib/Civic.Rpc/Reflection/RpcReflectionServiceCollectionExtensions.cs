using Civic.Rpc.Reflection;
using Civic.Rpc.Server;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers gRPC server reflection.</summary>
public static class RpcReflectionServiceCollectionExtensions
{
    /// <summary>
    /// Serves gRPC server reflection, <c>grpc.reflection.v1.ServerReflection</c> and
    /// <c>grpc.reflection.v1alpha.ServerReflection</c>, so tools such as grpcurl and Postman can list the
    /// served services and fetch their proto descriptors. Needs <c>AddCivicRpc</c>.
    /// </summary>
    public static IServiceCollection AddRpcReflection(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(ReflectionDescriptorIndex)))
        {
            return services;
        }

        services.TryAddSingleton(sp => new ReflectionDescriptorIndex(sp.GetRequiredService<RpcServiceRegistry>().Services));
        services.AddRpcService<ServerReflectionHandler>(
            Grpc.Reflection.V1.ReflectionReflection.Descriptor.Services[0], ServiceLifetime.Singleton);
        services.AddRpcService<ServerReflectionHandler>(
            Grpc.Reflection.V1Alpha.ReflectionReflection.Descriptor.Services[0], ServiceLifetime.Singleton);
        return services;
    }
}
