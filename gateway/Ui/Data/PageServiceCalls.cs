using Civic.Gateway.Api;
using Civic.Rpc;
using Civic.Rpc.Client;
using Google.Protobuf;
using Microsoft.AspNetCore.Authentication;

namespace Civic.Gateway.Ui.Data;

/// <summary>
/// How pages call the services: through the gateway's Civic.Rpc clients, with the signed-in user's
/// token forwarded (the services authorise every call again) and a short deadline, so a slow service
/// costs a page a few seconds at most. A failed call is logged without personal data and reported
/// as null, and the page says the information cannot be fetched right now.
/// </summary>
public sealed partial class PageServiceCalls(CivicServiceClients clients, TimeProvider timeProvider, ILogger<PageServiceCalls> logger)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public CivicServiceClients Clients { get; } = clients;

    /// <summary>Calls <paramref name="method"/> for the page's request; null when the service failed or refused.</summary>
    public async Task<TResponse?> CallAsync<TRequest, TResponse>(HttpContext context, RpcClient client, RpcMethod<TRequest, TResponse> method, TRequest request)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(method);
        var headers = new Metadata();
        if (context.Features.Get<IAuthenticateResultFeature>()?.AuthenticateResult?.Properties?.GetTokenValue("access_token") is { } token)
        {
            headers.Add("authorization", $"Bearer {token}");
        }

        try
        {
            return await client.UnaryAsync(method, request, new CallOptions
            {
                Headers = headers,
                Deadline = timeProvider.GetUtcNow().UtcDateTime + Timeout,
                CancellationToken = context.RequestAborted,
            });
        }
        catch (RpcException exception) when (!context.RequestAborted.IsCancellationRequested)
        {
            Log.CallFailed(logger, method.Path, exception.StatusCode);
            return null;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "A page's call to {Method} failed with {StatusCode}")]
        public static partial void CallFailed(ILogger logger, string method, StatusCode statusCode);
    }
}
