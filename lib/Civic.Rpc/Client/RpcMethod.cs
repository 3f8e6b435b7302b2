using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Civic.Rpc.Client;

/// <summary>The four shapes an RPC can have.</summary>
public enum RpcMethodKind
{
    /// <summary>One request, one response.</summary>
    Unary,

    /// <summary>One request, a stream of responses.</summary>
    ServerStreaming,

    /// <summary>A stream of requests, one response.</summary>
    ClientStreaming,

    /// <summary>A stream of requests and a stream of responses, both open at once.</summary>
    DuplexStreaming,
}

/// <summary>Creates <see cref="RpcMethod{TRequest, TResponse}"/>s from generated descriptors.</summary>
public static class RpcMethod
{
    /// <summary>
    /// Describes <paramref name="descriptor"/> (e.g. <c>FooReflection.Descriptor.Services[0].FindMethodByName("Bar")</c>),
    /// checking that its message types are the generated CLR types given.
    /// </summary>
    /// <exception cref="ArgumentException">The descriptor's request or response type is not <typeparamref name="TRequest"/> or <typeparamref name="TResponse"/>.</exception>
    public static RpcMethod<TRequest, TResponse> Create<TRequest, TResponse>(MethodDescriptor descriptor)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        if (descriptor.InputType.ClrType != typeof(TRequest))
        {
            throw new ArgumentException(
                $"{descriptor.FullName} takes {descriptor.InputType.ClrType?.FullName ?? descriptor.InputType.FullName}, not {typeof(TRequest).FullName}.",
                nameof(descriptor));
        }

        if (descriptor.OutputType.ClrType != typeof(TResponse))
        {
            throw new ArgumentException(
                $"{descriptor.FullName} returns {descriptor.OutputType.ClrType?.FullName ?? descriptor.OutputType.FullName}, not {typeof(TResponse).FullName}.",
                nameof(descriptor));
        }

        return new RpcMethod<TRequest, TResponse>(descriptor, (MessageParser<TResponse>)descriptor.OutputType.Parser);
    }
}

/// <summary>
/// An RPC as a client calls it: its HTTP/2 path, its shape, its message types and whether the proto
/// declares it safe to retry. Create one per RPC with <see cref="RpcMethod.Create{TRequest, TResponse}"/> and keep it.
/// </summary>
/// <typeparam name="TRequest">The request message type.</typeparam>
/// <typeparam name="TResponse">The response message type.</typeparam>
public sealed class RpcMethod<TRequest, TResponse>
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    internal RpcMethod(MethodDescriptor descriptor, MessageParser<TResponse> responseParser)
    {
        Descriptor = descriptor;
        ResponseParser = responseParser;
        Path = $"/{descriptor.Service.FullName}/{descriptor.Name}";
        Kind = (descriptor.IsClientStreaming, descriptor.IsServerStreaming) switch
        {
            (false, false) => RpcMethodKind.Unary,
            (false, true) => RpcMethodKind.ServerStreaming,
            (true, false) => RpcMethodKind.ClientStreaming,
            (true, true) => RpcMethodKind.DuplexStreaming,
        };
        var idempotency = descriptor.GetOptions()?.IdempotencyLevel ?? MethodOptions.Types.IdempotencyLevel.IdempotencyUnknown;
        IsIdempotent = idempotency is MethodOptions.Types.IdempotencyLevel.NoSideEffects or MethodOptions.Types.IdempotencyLevel.Idempotent;
    }

    /// <summary>The proto method.</summary>
    public MethodDescriptor Descriptor { get; }

    /// <summary>The HTTP/2 path, <c>/package.Service/Method</c>.</summary>
    public string Path { get; }

    /// <summary>Unary or which kind of streaming.</summary>
    public RpcMethodKind Kind { get; }

    /// <summary>
    /// True when the proto marks the method <c>idempotency_level = IDEMPOTENT</c> or
    /// <c>NO_SIDE_EFFECTS</c>: only such calls are retried after an UNAVAILABLE status.
    /// </summary>
    public bool IsIdempotent { get; }

    internal MessageParser<TResponse> ResponseParser { get; }

    /// <inheritdoc />
    public override string ToString() => Path;
}
