using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace Civic.Defaults.Clients;

/// <summary>
/// Sends the caller's access token with every call a Civic client makes while handling a request, so
/// that the called service authorises the person, not the gateway: the token the gateway's
/// authentication accepted (a browser's cookie or a bearer header), else the bearer header of the
/// incoming call (one service calling another on a caller's behalf). Calls that set their own
/// authorization header keep it.
/// </summary>
public sealed class CallerTokenInterceptor(IHttpContextAccessor httpContextAccessor) : Interceptor
{
    private const string AuthorizationHeader = "authorization";

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation) =>
        continuation(request, WithToken(context));

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncServerStreamingCallContinuation<TRequest, TResponse> continuation) =>
        continuation(request, WithToken(context));

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(
        ClientInterceptorContext<TRequest, TResponse> context, AsyncClientStreamingCallContinuation<TRequest, TResponse> continuation) =>
        continuation(WithToken(context));

    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(
        ClientInterceptorContext<TRequest, TResponse> context, AsyncDuplexStreamingCallContinuation<TRequest, TResponse> continuation) =>
        continuation(WithToken(context));

    public override TResponse BlockingUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, BlockingUnaryCallContinuation<TRequest, TResponse> continuation) =>
        continuation(request, WithToken(context));

    private ClientInterceptorContext<TRequest, TResponse> WithToken<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context)
        where TRequest : class
        where TResponse : class
    {
        if (context.Options.Headers?.Get(AuthorizationHeader) is not null || CallerAuthorization() is not { } authorization)
        {
            return context;
        }

        var headers = context.Options.Headers ?? [];
        headers.Add(AuthorizationHeader, authorization);
        return new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, context.Options.WithHeaders(headers));
    }

    private string? CallerAuthorization()
    {
        if (httpContextAccessor.HttpContext is not { } http)
        {
            return null;
        }

        var token = http.Features.Get<IAuthenticateResultFeature>()?.AuthenticateResult?.Properties?.GetTokenValue("access_token");
        if (!string.IsNullOrEmpty(token))
        {
            return $"Bearer {token}";
        }

        var header = http.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header : null;
    }
}
