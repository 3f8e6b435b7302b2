using Civic.Hosting.Errors;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Civic.Hosting.Grpc;

/// <summary>
/// What every call of a Civic service goes through: the RPC's access rule (<see cref="RpcAuthorization"/>)
/// before the handler, and what the handler throws turned into a status (<see cref="RpcErrorTranslation"/>).
/// One interceptor rather than two, and no async frame when the check passes at once and the handler
/// finishes at once: each interceptor costs Grpc.AspNetCore a pipeline step per call (bench/README.md).
/// </summary>
public sealed class CivicServerInterceptor(RpcAuthorization authorization, RpcErrorTranslation errors) : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Task<TResponse> task;
        try
        {
            var check = authorization.AuthorizeAsync(context);
            task = check.IsCompletedSuccessfully ? continuation(request, context) : AfterCheck(check, () => continuation(request, context));
        }
        catch (Exception exception) when (errors.Translate(exception, context) is { } status)
        {
            return Task.FromException<TResponse>(status);
        }

        return task.IsCompletedSuccessfully ? task : Translated(task, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Task task;
        try
        {
            var check = authorization.AuthorizeAsync(context);
            task = check.IsCompletedSuccessfully ? continuation(request, responseStream, context) : AfterCheck(check, () => continuation(request, responseStream, context));
        }
        catch (Exception exception) when (errors.Translate(exception, context) is { } status)
        {
            return Task.FromException(status);
        }

        return task.IsCompletedSuccessfully ? task : Translated(task, context);
    }

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Task<TResponse> task;
        try
        {
            var check = authorization.AuthorizeAsync(context);
            task = check.IsCompletedSuccessfully ? continuation(requestStream, context) : AfterCheck(check, () => continuation(requestStream, context));
        }
        catch (Exception exception) when (errors.Translate(exception, context) is { } status)
        {
            return Task.FromException<TResponse>(status);
        }

        return task.IsCompletedSuccessfully ? task : Translated(task, context);
    }

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Task task;
        try
        {
            var check = authorization.AuthorizeAsync(context);
            task = check.IsCompletedSuccessfully ? continuation(requestStream, responseStream, context) : AfterCheck(check, () => continuation(requestStream, responseStream, context));
        }
        catch (Exception exception) when (errors.Translate(exception, context) is { } status)
        {
            return Task.FromException(status);
        }

        return task.IsCompletedSuccessfully ? task : Translated(task, context);
    }

    // Only when a token has to be validated: the closure is not on the fast path.
    private static async Task<T> AfterCheck<T>(ValueTask check, Func<Task<T>> handler)
    {
        await check;
        return await handler();
    }

    private static async Task AfterCheck(ValueTask check, Func<Task> handler)
    {
        await check;
        await handler();
    }

    private async Task<T> Translated<T>(Task<T> task, ServerCallContext context)
    {
        try
        {
            return await task;
        }
        catch (Exception exception) when (errors.Translate(exception, context) is { } status)
        {
            throw status;
        }
    }

    private async Task Translated(Task task, ServerCallContext context)
    {
        try
        {
            await task;
        }
        catch (Exception exception) when (errors.Translate(exception, context) is { } status)
        {
            throw status;
        }
    }
}
