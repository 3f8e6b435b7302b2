using Civic.Gateway.Api.Idempotency;
using Civic.Rpc;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Civic.Gateway.Api;

/// <summary>
/// Runs one JSON API operation: refuses an invalid token (401), reads and bounds the JSON body,
/// applies Idempotency-Key on creating operations, calls the service, and answers with the result
/// or with problem details.
/// </summary>
public sealed class ApiEndpointHandler(CivicServiceClients clients, IdempotentRequests idempotency, IOptions<ApiOptions> options, TimeProvider timeProvider)
{
    public async Task HandleAsync(HttpContext context, ApiOperation operation)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = await RunAsync(context, operation);
        await result.WriteAsync(context);
    }

    private async Task<ApiResult> RunAsync(HttpContext context, ApiOperation operation)
    {
        try
        {
            // Answered from the authentication middleware's cached result: the token is validated once.
            var authentication = await context.AuthenticateAsync();
            if (authentication.Failure is not null)
            {
                return Problems.InvalidToken();
            }

            var body = operation.RequestBody is null ? [] : await ReadBodyAsync(context.Request);
            var token = authentication.Properties?.GetTokenValue("access_token");
            var request = new ApiRequest(context, body, token, clients, options, timeProvider);
            return operation.Creates && context.Request.Headers.TryGetValue(IdempotentRequests.HeaderName, out var key)
                ? await idempotency.RunAsync(context, operation, key.ToString(), body, () => ExecuteAsync(operation, request))
                : await ExecuteAsync(operation, request);
        }
        catch (ApiProblemException problem)
        {
            return problem.Result;
        }
    }

    private static async Task<ApiResult> ExecuteAsync(ApiOperation operation, ApiRequest request)
    {
        try
        {
            return await operation.Execute(request);
        }
        catch (RpcException exception)
        {
            return Problems.FromRpc(exception);
        }
        catch (ApiProblemException problem)
        {
            return problem.Result;
        }
    }

    private async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        if (!IsJson(request.ContentType))
        {
            throw new ApiProblemException(Problems.UnsupportedMediaType(request.ContentType));
        }

        var limit = options.Value.MaxRequestBodyBytes;
        if (request.ContentLength > limit)
        {
            throw new ApiProblemException(Problems.PayloadTooLarge(limit));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw new ApiProblemException(Problems.PayloadTooLarge(limit));
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null
        && Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media)
        && (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (media.MediaType.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && media.MediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase)));
}
