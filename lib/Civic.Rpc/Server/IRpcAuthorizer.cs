using System.Reflection;
using Google.Protobuf.Reflection;

namespace Civic.Rpc.Server;

/// <summary>
/// Decides who may make each call, before the handler runs. Registered in DI (at most one); without
/// one, every call reaches its handler.
/// </summary>
public interface IRpcAuthorizer
{
    /// <summary>
    /// Called once per RPC while the server binds its handlers at start-up; the returned check runs
    /// before every call of that RPC. Throw <see cref="InvalidOperationException"/> to refuse the
    /// binding (for example an RPC that declares no rule): start-up then fails naming every such RPC.
    /// </summary>
    RpcCallAuthorization Bind(RpcMethodBinding method);
}

/// <summary>
/// Checks one call before its handler runs: null lets it through; a status (UNAUTHENTICATED,
/// PERMISSION_DENIED …) ends the call with it, and the handler never runs.
/// </summary>
public delegate ValueTask<Status?> RpcCallAuthorization(ServerCallContext context);

/// <summary>An RPC and the handler method that serves it, as the server bound them.</summary>
/// <param name="Rpc">The proto method.</param>
/// <param name="HandlerType">The handler class.</param>
/// <param name="HandlerMethod">The handler method, e.g. to read attributes from.</param>
public sealed record RpcMethodBinding(MethodDescriptor Rpc, Type HandlerType, MethodInfo HandlerMethod);
