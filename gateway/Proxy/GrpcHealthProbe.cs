using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;
using Grpc.Health.V1;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;

namespace Civic.Gateway.Proxy;

/// <summary>
/// YARP's active health checks send an HTTP GET and count 2xx as healthy; the services speak gRPC
/// only. So each probe is a grpc.health.v1.Health/Check call instead, over HTTP/2 as the cluster's
/// requests go, to the destination's health address (or its address). Which service to ask for
/// comes from the cluster metadata "GrpcHealthService" ("" means the whole server).
/// </summary>
internal sealed class GrpcHealthProbingRequestFactory : IProbingRequestFactory
{
    public const string ServiceMetadataKey = "GrpcHealthService";

    public HttpRequestMessage CreateRequest(ClusterModel cluster, DestinationModel destination)
    {
        var address = destination.Config.Health ?? destination.Config.Address;
        var service = cluster.Config.Metadata?.GetValueOrDefault(ServiceMetadataKey) ?? string.Empty;
        return new GrpcHealthProbeRequest(new Uri(new Uri(address.TrimEnd('/') + "/"), "grpc.health.v1.Health/Check"), service);
    }
}

/// <summary>A health probe: recognised by type, so forwarded calls pay one type test and nothing more.</summary>
internal sealed class GrpcHealthProbeRequest : HttpRequestMessage
{
    public GrpcHealthProbeRequest(Uri uri, string service)
        : base(HttpMethod.Post, uri)
    {
        Version = HttpVersion.Version20;
        VersionPolicy = HttpVersionPolicy.RequestVersionExact;
        var message = new HealthCheckRequest { Service = service }.ToByteArray();
        var frame = new byte[5 + message.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)message.Length);
        message.CopyTo(frame, 5);
        Content = new ByteArrayContent(frame);
        Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        Headers.TryAddWithoutValidation("te", "trailers");
    }
}

/// <summary>
/// Turns the answer to a <see cref="GrpcHealthProbeRequest"/> into what YARP's health policy
/// understands: 200 for SERVING, 503 for anything else (NOT_SERVING, a gRPC error, a bad answer).
/// Every other request passes straight through.
/// </summary>
internal sealed class GrpcHealthProbeHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        request is GrpcHealthProbeRequest ? ProbeAsync(request, cancellationToken) : base.SendAsync(request, cancellationToken);

    private async Task<HttpResponseMessage> ProbeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var response = await base.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var grpcStatus = Header(response.Headers, "grpc-status") ?? Header(response.TrailingHeaders, "grpc-status");
        var serving = response.StatusCode == HttpStatusCode.OK
            && grpcStatus == "0"
            && body.Length >= 5
            && HealthCheckResponse.Parser.ParseFrom(body.AsSpan(5)).Status == HealthCheckResponse.Types.ServingStatus.Serving;
        return new HttpResponseMessage(serving ? HttpStatusCode.OK : HttpStatusCode.ServiceUnavailable) { RequestMessage = request };
    }

    private static string? Header(HttpHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
