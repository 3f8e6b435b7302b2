using Civic.Gateway.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Civic.Gateway.Proxy;

/// <summary>
/// Forwards a gRPC call that routing matched to a route of gRPC calls (<see cref="RouteMetadataKey"/>)
/// straight to an available destination of the route's cluster, through the route's transforms and the
/// cluster's HTTP/2 client, as YARP's own pipeline would. It skips what only pages and the JSON API need
/// (authentication and authorisation of calls without a token, security headers, status code pages, UI
/// errors, localisation, antiforgery, idempotency, the endpoint and YARP's per-route pipeline): in the same
/// benchmark rounds that gives gRPC a third more calls per second (bench/README.md, "gRPC fast path").
/// A call still gets routing (in front of this), authentication of its token, the rate limits, and real
/// gRPC statuses when its service is unreachable; the services authorise each call themselves, as before
/// (a route with an authorisation policy goes down the full pipeline, as does everything else).
/// </summary>
public sealed class GrpcFastPath(RequestDelegate next, IHttpForwarder forwarder, GatewayRateLimiter limiter, IOptions<RateLimitingOptions> rateLimits, ILogger<GrpcFastPath> logger)
{
    /// <summary>Route metadata that marks a route of gRPC calls ("true"); only those take the fast path.</summary>
    public const string RouteMetadataKey = "GrpcCalls";

    private readonly bool _limited = rateLimits.Value.Enabled;
    private uint _nextDestination;

    public async Task InvokeAsync(HttpContext context)
    {
        if (!GrpcRequests.IsGrpc(context.Request)
            || context.GetEndpoint()?.Metadata.GetMetadata<RouteModel>() is not { Cluster: { } cluster } route
            || route.Config.Metadata?.GetValueOrDefault(RouteMetadataKey) != "true"
            || route.Config.AuthorizationPolicy is not null)
        {
            await next(context);
            return;
        }

        // As the authentication middleware would, but only for a call that carries a token: a gRPC client sends
        // no cookies, and without a token there is no one to authenticate (the call is counted by its address).
        if (context.Request.Headers.Authorization.Count > 0 && await context.AuthenticateAsync() is { Succeeded: true } authenticated)
        {
            context.User = authenticated.Principal;
        }

        if (_limited && !await RateLimitingMiddleware.AdmitAsync(context, limiter))
        {
            return;
        }

        var destinations = cluster.DestinationsState.AvailableDestinations;
        var clusterModel = cluster.Model;
        if (destinations.Count == 0)
        {
            await GrpcProxyErrors.AnswerAsync(context, cluster.ClusterId, ForwarderError.NoAvailableDestinations, logger);
            return;
        }

        // Round robin: the calls are independent of each other, and a counter needs no random source.
        var destination = destinations[(int)(Interlocked.Increment(ref _nextDestination) % (uint)destinations.Count)];
        var error = await forwarder.SendAsync(context, destination.Model.Config.Address, clusterModel.HttpClient,
            clusterModel.Config.HttpRequest ?? ForwarderRequestConfig.Empty, route.Transformer);
        if (error != ForwarderError.None)
        {
            await GrpcProxyErrors.AnswerAsync(context, cluster.ClusterId, error, logger);
        }
    }
}
