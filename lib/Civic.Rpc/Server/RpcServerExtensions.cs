using Civic.Rpc.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Civic's gRPC server and the services it serves.</summary>
public static class RpcServerServiceCollectionExtensions
{
    /// <summary>Adds the gRPC server; options bind from the "Rpc:Server" configuration section.</summary>
    public static IServiceCollection AddCivicRpc(this IServiceCollection services, Action<RpcServerOptions>? configure = null)
    {
        var options = services.AddOptions<RpcServerOptions>().BindConfiguration("Rpc:Server");
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new RpcServiceRegistry(sp.GetServices<RpcServiceRegistration>(), sp.GetService<IRpcAuthorizer>()));
        return services;
    }

    /// <summary>
    /// Serves the proto service <paramref name="service"/> with <typeparamref name="THandler"/>,
    /// created per call from DI (scoped by default, so it can use a DbContext).
    /// </summary>
    public static IServiceCollection AddRpcService<THandler>(
        this IServiceCollection services, Google.Protobuf.Reflection.ServiceDescriptor service, ServiceLifetime lifetime = ServiceLifetime.Scoped)
        where THandler : class
    {
        services.TryAdd(new ServiceDescriptor(typeof(THandler), typeof(THandler), lifetime));
        services.AddSingleton(new RpcServiceRegistration(typeof(THandler), service));
        return services;
    }
}

/// <summary>Puts Civic's gRPC server on the request pipeline.</summary>
public static class RpcApplicationBuilderExtensions
{
    /// <summary>
    /// Serves every registered RPC. Binds all handlers now, so a missing or mistyped handler stops
    /// start-up with a message naming the RPC.
    /// </summary>
    public static IApplicationBuilder UseCivicRpc(this IApplicationBuilder app)
    {
        _ = app.ApplicationServices.GetRequiredService<RpcServiceRegistry>();
        return app.UseMiddleware<RpcMiddleware>();
    }
}
