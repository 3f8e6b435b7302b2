using System.Net.Http.Headers;
using Civic.Defaults.Services;
using Microsoft.AspNetCore.Authentication;
using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace Civic.Gateway.Api;

/// <summary>
/// On the JSON API's proxy routes: sends the caller's token to the service as a bearer header (a
/// browser's comes in a cookie), and turns a service's JSON error (google.rpc.Status, as gRPC JSON
/// transcoding writes it) into RFC 9457 problem details.
/// </summary>
public sealed class JsonApiTransforms : ITransformProvider
{
    public void ValidateRoute(TransformRouteValidationContext context)
    {
    }

    public void ValidateCluster(TransformClusterValidationContext context)
    {
    }

    public void Apply(TransformBuilderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Route.Match.Path?.StartsWith(CivicServices.ApiPrefix, StringComparison.Ordinal) != true)
        {
            return;
        }

        context.AddRequestTransform(transform =>
        {
            if (!transform.ProxyRequest.Headers.Contains("Authorization")
                && transform.HttpContext.Features.Get<IAuthenticateResultFeature>()?.AuthenticateResult?.Properties?.GetTokenValue("access_token") is { } token)
            {
                transform.ProxyRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            return ValueTask.CompletedTask;
        });
        context.AddResponseTransform(async transform =>
        {
            if (transform.ProxyResponse is not { IsSuccessStatusCode: false } response
                || response.Content.Headers.ContentType?.MediaType != "application/json")
            {
                return;
            }

            var json = await response.Content.ReadAsStringAsync(transform.HttpContext.RequestAborted);
            if (Problems.ParseStatus(json) is not { } status)
            {
                return;
            }

            transform.SuppressResponseBody = true;
            var problem = Problems.FromStatus(status);
            var http = transform.HttpContext.Response;
            http.Headers.ContentLength = null;
            await problem.WriteAsync(transform.HttpContext);
        });
    }
}
