using System.Collections.Frozen;
using System.Reflection;
using Civic.Defaults.Auth;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace Civic.Hosting.Grpc;

/// <summary>
/// The access rule of every RPC this service serves, read once from what each handler method declares:
/// <see cref="AllowRolesAttribute"/> or <see cref="AllowAnonymousAttribute"/> (on the method, else on
/// the handler class). Deny by default: <see cref="Build"/> refuses an RPC that declares neither,
/// naming it, so such a service does not start.
/// </summary>
public sealed class RpcAccessRules
{
    /// <summary>Infrastructure services every caller may use: probes and tools must work without a token.</summary>
    public static readonly FrozenSet<string> OpenServices = new[]
    {
        "grpc.health.v1.Health",
        "grpc.reflection.v1.ServerReflection",
        "grpc.reflection.v1alpha.ServerReflection",
    }.ToFrozenSet(StringComparer.Ordinal);

    private readonly FrozenDictionary<string, RpcAccessRule> _rules;

    private RpcAccessRules(FrozenDictionary<string, RpcAccessRule> rules) => _rules = rules;

    /// <summary>Every rule, by path.</summary>
    public IReadOnlyDictionary<string, RpcAccessRule> All => _rules;

    /// <summary>The rule of the RPC at <paramref name="path"/>, or null for a path this service does not serve.</summary>
    public RpcAccessRule? Find(string path) => _rules.GetValueOrDefault(path);

    /// <summary>Reads the rules of every gRPC method among <paramref name="endpoints"/>.</summary>
    /// <exception cref="InvalidOperationException">A handler method declares no rule, both, or an unknown role.</exception>
    public static RpcAccessRules Build(IEnumerable<Endpoint> endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var rules = new Dictionary<string, RpcAccessRule>(StringComparer.Ordinal);
        foreach (var endpoint in endpoints)
        {
            if (endpoint.Metadata.GetMetadata<GrpcMethodMetadata>() is not { } grpc)
            {
                continue;
            }

            var path = grpc.Method.FullName;
            rules[path] = OpenServices.Contains(grpc.Method.ServiceName)
                ? new RpcAccessRule(path, Anonymous: true, Roles: [], Open: true)
                : RuleOf(path, grpc.ServiceType, grpc.Method.Name);
        }

        return new RpcAccessRules(rules.ToFrozenDictionary(StringComparer.Ordinal));
    }

    private static RpcAccessRule RuleOf(string path, Type handlerType, string methodName)
    {
        var method = handlerType.GetMethod(methodName, BindingFlags.Public | BindingFlags.Instance);
        var where = $"{handlerType.Name}.{methodName} ({path})";
        if (method is null || method.DeclaringType == handlerType.BaseType)
        {
            throw new InvalidOperationException($"{where} is not implemented by {handlerType.Name}: override it, or remove the RPC from the contract.");
        }

        var roles = method.GetCustomAttribute<AllowRolesAttribute>();
        var anonymous = method.GetCustomAttributes().Any(a => a is IAllowAnonymous);
        if (roles is null && !anonymous)
        {
            roles = handlerType.GetCustomAttribute<AllowRolesAttribute>();
            anonymous = handlerType.GetCustomAttributes().Any(a => a is IAllowAnonymous);
        }

        if (roles is null && !anonymous)
        {
            throw new InvalidOperationException(
                $"{where} declares no authorisation: add [AllowRoles(...)] with the roles that may call it, or [AllowAnonymous] if everyone may.");
        }

        if (roles is not null && anonymous)
        {
            throw new InvalidOperationException($"{where} declares both [AllowRoles] and [AllowAnonymous]; keep one.");
        }

        var unknown = roles?.Roles.Where(r => !CivicRoles.All.Contains(r, StringComparer.Ordinal)).ToList() ?? [];
        if (roles is { Roles.Count: 0 } || unknown.Count > 0)
        {
            throw new InvalidOperationException(
                $"{where} allows unknown roles ({string.Join(", ", unknown)}); use some of {string.Join(", ", CivicRoles.All)}.");
        }

        return new RpcAccessRule(path, Anonymous: roles is null, Roles: roles?.Roles ?? []);
    }
}
