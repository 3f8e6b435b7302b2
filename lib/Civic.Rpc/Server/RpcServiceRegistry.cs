using System.Collections.Frozen;
using Google.Protobuf.Reflection;

namespace Civic.Rpc.Server;

/// <summary>A proto service and the handler class that serves it, as registered in DI.</summary>
internal sealed record RpcServiceRegistration(Type HandlerType, ServiceDescriptor Service);

/// <summary>Every bound RPC of this server, looked up by HTTP/2 path.</summary>
public sealed class RpcServiceRegistry
{
    private readonly FrozenDictionary<string, ServerMethod> _methods;
    private readonly FrozenSet<string> _serviceNames;

    internal RpcServiceRegistry(IEnumerable<RpcServiceRegistration> registrations, IRpcAuthorizer? authorizer)
    {
        var all = registrations.ToList();
        var duplicate = all.GroupBy(r => r.Service.FullName).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Service {duplicate.Key} is registered more than once.");
        }

        Services = all.Select(r => r.Service).ToList();
        _methods = all.SelectMany(r => RpcServiceBinder.Bind(r.HandlerType, r.Service, authorizer))
            .ToFrozenDictionary(m => m.Path, StringComparer.Ordinal);
        _serviceNames = Services.Select(s => s.FullName).ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>The proto services this server serves.</summary>
    public IReadOnlyList<ServiceDescriptor> Services { get; }

    internal bool TryGetMethod(string path, out ServerMethod method) => _methods.TryGetValue(path, out method!);

    internal bool HasService(string fullName) => _serviceNames.Contains(fullName);
}
