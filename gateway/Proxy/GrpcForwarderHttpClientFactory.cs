using System.Net;
using Yarp.ReverseProxy.Forwarder;

namespace Civic.Gateway.Proxy;

/// <summary>
/// The HttpClient YARP forwards through, tuned for gRPC to the services: several HTTP/2 connections
/// per service once one runs out of streams, no proxy, cookies, redirects or decompression (the
/// bytes pass through as they are), keep-alive pings so a dead connection under a long stream is
/// noticed, and no trace-header rewriting (the caller's traceparent passes through unchanged).
/// </summary>
internal sealed class GrpcForwarderHttpClientFactory(ILogger<ForwarderHttpClientFactory> logger) : ForwarderHttpClientFactory(logger)
{
    protected override void ConfigureHandler(ForwarderHttpClientContext context, SocketsHttpHandler handler)
    {
        base.ConfigureHandler(context, handler);
        handler.EnableMultipleHttp2Connections = true;
        handler.UseProxy = false;
        handler.UseCookies = false;
        handler.AllowAutoRedirect = false;
        handler.AutomaticDecompression = DecompressionMethods.None;
        handler.ConnectTimeout = TimeSpan.FromSeconds(5);
        handler.KeepAlivePingDelay = TimeSpan.FromSeconds(60);
        handler.KeepAlivePingTimeout = TimeSpan.FromSeconds(20);
        handler.KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests;
        handler.ActivityHeadersPropagator = null;
    }

    protected override HttpMessageHandler WrapHandler(ForwarderHttpClientContext context, HttpMessageHandler handler) =>
        new GrpcHealthProbeHandler(base.WrapHandler(context, handler));
}
