using System.Reflection;
using Google.Protobuf.Reflection;

namespace Civic.Rpc.Server;

/// <summary>
/// Binds a handler class to a proto service descriptor at start-up. Every RPC must have a public
/// method of the same name whose signature matches the RPC's kind and message types; anything
/// else stops start-up with a message that names the RPC and the signature it needs.
/// </summary>
internal static class RpcServiceBinder
{
    public static IReadOnlyList<ServerMethod> Bind(Type handlerType, ServiceDescriptor service, IRpcAuthorizer? authorizer)
    {
        var methods = new List<ServerMethod>(service.Methods.Count);
        var problems = new List<string>();
        foreach (var rpc in service.Methods)
        {
            var expected = ExpectedSignature(rpc);
            var candidates = handlerType.GetMethods(BindingFlags.Public | BindingFlags.Instance)
                .Where(m => m.Name == rpc.Name)
                .ToList();
            if (candidates.Count == 0)
            {
                problems.Add($"RPC {service.FullName}/{rpc.Name} has no handler: {handlerType.Name} needs a public method {expected}.");
                continue;
            }

            var match = candidates.FirstOrDefault(m => Matches(m, rpc));
            if (match is null)
            {
                problems.Add($"RPC {service.FullName}/{rpc.Name}: {handlerType.Name}.{rpc.Name} has the wrong signature; it must be {expected}.");
                continue;
            }

            var method = Create(handlerType, rpc, match);
            if (authorizer is not null)
            {
                try
                {
                    method.Authorization = authorizer.Bind(new RpcMethodBinding(rpc, handlerType, match));
                }
                catch (InvalidOperationException exception)
                {
                    problems.Add($"RPC {service.FullName}/{rpc.Name}: {exception.Message}");
                    continue;
                }
            }

            methods.Add(method);
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                $"Cannot bind {handlerType.Name} to {service.FullName}:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", problems));
        }

        return methods;
    }

    private static (Type[] Parameters, Type Return) ExpectedTypes(MethodDescriptor rpc)
    {
        var request = rpc.InputType.ClrType;
        var response = rpc.OutputType.ClrType;
        var reader = typeof(IAsyncStreamReader<>).MakeGenericType(request);
        var writer = typeof(IAsyncStreamWriter<>).MakeGenericType(response);
        var context = typeof(ServerCallContext);
        var responseTask = typeof(Task<>).MakeGenericType(response);
        return (rpc.IsClientStreaming, rpc.IsServerStreaming) switch
        {
            (false, false) => ([request, context], responseTask),
            (false, true) => ([request, writer, context], typeof(Task)),
            (true, false) => ([reader, context], responseTask),
            (true, true) => ([reader, writer, context], typeof(Task)),
        };
    }

    private static string ExpectedSignature(MethodDescriptor rpc)
    {
        var (parameters, returnType) = ExpectedTypes(rpc);
        return $"{Describe(returnType)} {rpc.Name}({string.Join(", ", parameters.Select(Describe))})";
    }

    private static string Describe(Type type) => type.IsGenericType
        ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(Describe))}>"
        : type.Name;

    private static bool Matches(MethodInfo method, MethodDescriptor rpc)
    {
        var (parameters, returnType) = ExpectedTypes(rpc);
        return method.ReturnType == returnType
            && method.GetParameters().Select(p => p.ParameterType).SequenceEqual(parameters);
    }

    private static ServerMethod Create(Type handlerType, MethodDescriptor rpc, MethodInfo method)
    {
        var request = rpc.InputType.ClrType;
        var response = rpc.OutputType.ClrType;
        var (generic, delegateGeneric) = (rpc.IsClientStreaming, rpc.IsServerStreaming) switch
        {
            (false, false) => (typeof(UnaryServerMethod<,,>), typeof(Func<,,,>)),
            (false, true) => (typeof(ServerStreamingServerMethod<,,>), typeof(Func<,,,,>)),
            (true, false) => (typeof(ClientStreamingServerMethod<,,>), typeof(Func<,,,>)),
            (true, true) => (typeof(DuplexStreamingServerMethod<,,>), typeof(Func<,,,,>)),
        };
        var (parameters, returnType) = ExpectedTypes(rpc);
        var delegateType = delegateGeneric.MakeGenericType([handlerType, .. parameters, returnType]);
        var invoker = Delegate.CreateDelegate(delegateType, method);
        var serverMethodType = generic.MakeGenericType(handlerType, request, response);
        return (ServerMethod)Activator.CreateInstance(serverMethodType, rpc, invoker)!;
    }
}
