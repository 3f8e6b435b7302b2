using Google.Protobuf;
using Google.Protobuf.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Civic.Rpc.Server;

/// <summary>One RPC bound to its handler method: reads requests, calls the handler, writes responses.</summary>
internal abstract class ServerMethod(MethodDescriptor descriptor)
{
    public MethodDescriptor Descriptor { get; } = descriptor;

    /// <summary>The HTTP/2 path, <c>/package.Service/Method</c>.</summary>
    public string Path { get; } = $"/{descriptor.Service.FullName}/{descriptor.Name}";

    /// <summary>The check that runs before the handler, when an <see cref="IRpcAuthorizer"/> is registered.</summary>
    public RpcCallAuthorization? Authorization { get; set; }

    /// <summary>Runs the call; the caller writes the final status.</summary>
    public abstract Task InvokeAsync(HttpContext httpContext, ServerCallContext context);

    protected static ServerMessageReader<T> CreateReader<T>(HttpContext httpContext, ServerCallContext context, MessageDescriptor descriptor)
        where T : class, IMessage<T> =>
        new(httpContext.Request.BodyReader, (MessageParser<T>)descriptor.Parser, context.RequestCompressed, context.Options.MaxReceiveMessageSize);
}

internal sealed class UnaryServerMethod<THandler, TRequest, TResponse>(
    MethodDescriptor descriptor, Func<THandler, TRequest, ServerCallContext, Task<TResponse>> invoker) : ServerMethod(descriptor)
    where THandler : class
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    public override async Task InvokeAsync(HttpContext httpContext, ServerCallContext context)
    {
        var request = await CreateReader<TRequest>(httpContext, context, Descriptor.InputType).ReadSingleAsync(context.CancellationToken);
        var handler = httpContext.RequestServices.GetRequiredService<THandler>();
        var response = await invoker(handler, request, context)
            ?? throw new InvalidOperationException($"The handler of {Path} returned null.");
        ResponseMessageWriter.Write(httpContext.Response.BodyWriter, response, context);
    }
}

internal sealed class ServerStreamingServerMethod<THandler, TRequest, TResponse>(
    MethodDescriptor descriptor, Func<THandler, TRequest, IAsyncStreamWriter<TResponse>, ServerCallContext, Task> invoker) : ServerMethod(descriptor)
    where THandler : class
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    public override async Task InvokeAsync(HttpContext httpContext, ServerCallContext context)
    {
        var request = await CreateReader<TRequest>(httpContext, context, Descriptor.InputType).ReadSingleAsync(context.CancellationToken);
        var handler = httpContext.RequestServices.GetRequiredService<THandler>();
        await invoker(handler, request, new ServerStreamWriter<TResponse>(httpContext.Response.BodyWriter, context), context);
    }
}

internal sealed class ClientStreamingServerMethod<THandler, TRequest, TResponse>(
    MethodDescriptor descriptor, Func<THandler, IAsyncStreamReader<TRequest>, ServerCallContext, Task<TResponse>> invoker) : ServerMethod(descriptor)
    where THandler : class
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    public override async Task InvokeAsync(HttpContext httpContext, ServerCallContext context)
    {
        var reader = new ServerStreamReader<TRequest>(CreateReader<TRequest>(httpContext, context, Descriptor.InputType), context);
        var handler = httpContext.RequestServices.GetRequiredService<THandler>();
        var response = await invoker(handler, reader, context)
            ?? throw new InvalidOperationException($"The handler of {Path} returned null.");
        ResponseMessageWriter.Write(httpContext.Response.BodyWriter, response, context);
    }
}

internal sealed class DuplexStreamingServerMethod<THandler, TRequest, TResponse>(
    MethodDescriptor descriptor,
    Func<THandler, IAsyncStreamReader<TRequest>, IAsyncStreamWriter<TResponse>, ServerCallContext, Task> invoker) : ServerMethod(descriptor)
    where THandler : class
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    public override async Task InvokeAsync(HttpContext httpContext, ServerCallContext context)
    {
        var reader = new ServerStreamReader<TRequest>(CreateReader<TRequest>(httpContext, context, Descriptor.InputType), context);
        var handler = httpContext.RequestServices.GetRequiredService<THandler>();
        await invoker(handler, reader, new ServerStreamWriter<TResponse>(httpContext.Response.BodyWriter, context), context);
    }
}
