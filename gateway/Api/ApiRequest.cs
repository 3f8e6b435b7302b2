using System.Globalization;
using Civic.Rpc;
using Civic.Rpc.Client;
using Google.Protobuf;
using Microsoft.Extensions.Options;

namespace Civic.Gateway.Api;

/// <summary>
/// One JSON API request as an operation sees it: the route and query values, the JSON body, and the
/// call options for the service call (the caller's token forwarded, the API's deadline).
/// </summary>
public sealed class ApiRequest(HttpContext context, byte[] body, string? accessToken, CivicServiceClients clients, IOptions<ApiOptions> options, TimeProvider timeProvider)
{
    public HttpContext Context { get; } = context;

    public CivicServiceClients Clients { get; } = clients;

    /// <summary>The body parsed as <typeparamref name="T"/> (proto3 JSON).</summary>
    public T Body<T>()
        where T : IMessage, new() => ProtoJson.Parse<T>(body);

    public string Route(string name) => Context.Request.RouteValues[name] as string ?? string.Empty;

    public string Query(string name) => Context.Request.Query[name].ToString();

    /// <summary>A non-negative integer query value, 0 when absent.</summary>
    /// <exception cref="ApiProblemException">The value is not a non-negative integer.</exception>
    public int QueryInt(string name)
    {
        var text = Query(name);
        if (text.Length == 0)
        {
            return 0;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ApiProblemException(Problems.InvalidParameter(name, $"The query parameter '{name}' must be a whole number, not '{text}'."));
    }

    /// <summary>The options of the service call: the caller's token and the API's deadline.</summary>
    public CallOptions CallOptions()
    {
        var headers = new Metadata();
        if (accessToken is not null)
        {
            headers.Add("authorization", $"Bearer {accessToken}");
        }

        return new CallOptions
        {
            Headers = headers,
            Deadline = timeProvider.GetUtcNow().UtcDateTime + options.Value.CallTimeout,
            CancellationToken = Context.RequestAborted,
        };
    }

    /// <summary>Calls a unary RPC and turns the chosen part of its answer into a JSON result.</summary>
    public async Task<ApiResult> CallAsync<TRequest, TResponse>(
        RpcClient client, RpcMethod<TRequest, TResponse> method, TRequest request, Func<TResponse, IMessage> result, int status = StatusCodes.Status200OK, Func<TResponse, string>? location = null)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(result);
        var response = await client.UnaryAsync(method, request, CallOptions());
        return new ApiResult(status, ApiResult.JsonContentType, ProtoJson.Format(result(response)), location?.Invoke(response));
    }
}
