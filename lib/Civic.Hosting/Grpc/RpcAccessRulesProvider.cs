using Microsoft.AspNetCore.Routing;

namespace Civic.Hosting.Grpc;

/// <summary>
/// Holds the service's <see cref="RpcAccessRules"/>, read from its endpoints when the gRPC services
/// are mapped (<see cref="CivicGrpcEndpointRouteBuilderExtensions.MapCivicGrpc"/>), before it serves.
/// </summary>
public sealed class RpcAccessRulesProvider
{
    private RpcAccessRules? _rules;

    /// <summary>The rules.</summary>
    /// <exception cref="InvalidOperationException">The gRPC services have not been mapped yet.</exception>
    public RpcAccessRules Rules => _rules ?? throw new InvalidOperationException("The gRPC services are not mapped yet: call app.MapCivicGrpc().");

    /// <summary>Reads and checks the rules of every gRPC method the app has mapped (deny by default).</summary>
    public void Load(IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        _rules = RpcAccessRules.Build(endpoints.DataSources.SelectMany(d => d.Endpoints));
    }
}
