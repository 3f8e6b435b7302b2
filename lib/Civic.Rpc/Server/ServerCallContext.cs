using System.Security.Claims;
using Civic.Rpc.Protocol;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;

namespace Civic.Rpc.Server;

/// <summary>
/// What a handler knows about the call it serves: who called, its metadata, its deadline and a
/// token that fires when the client goes away or the deadline passes.
/// </summary>
public sealed class ServerCallContext
{
    private static readonly AsyncLocal<ServerCallContext?> CurrentCall = new();
    private static readonly StringValues StatusOk = new("0");

    private readonly HttpContext _httpContext;
    private readonly CancellationTokenSource? _deadlineSource;
    private Metadata? _requestHeaders;
    private Metadata? _responseTrailers;

    internal ServerCallContext(HttpContext httpContext, string method, RpcServerOptions options, DateTime deadline, CancellationTokenSource? deadlineSource, bool requestCompressed, bool compressResponses)
    {
        _httpContext = httpContext;
        Method = method;
        Options = options;
        Deadline = deadline;
        _deadlineSource = deadlineSource;
        RequestCompressed = requestCompressed;
        CompressResponses = compressResponses;
        CancellationToken = deadlineSource?.Token ?? httpContext.RequestAborted;
    }

    /// <summary>The call being served on this async flow, if any: outgoing calls inherit its deadline.</summary>
    public static ServerCallContext? Current
    {
        get => CurrentCall.Value;
        internal set => CurrentCall.Value = value;
    }

    /// <summary>The full method path, e.g. <c>/civic.hotline.v1.HotlineService/ListDepartments</c>.</summary>
    public string Method { get; }

    /// <summary>When the call must be done (UTC); <see cref="DateTime.MaxValue"/> when the client set no deadline.</summary>
    public DateTime Deadline { get; }

    /// <summary>Fires when the client cancels, disconnects, or the deadline passes.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>The caller, as authentication middleware established it.</summary>
    public ClaimsPrincipal User => _httpContext.User;

    /// <summary>The remote address, as gRPC names peers (e.g. <c>ipv4:127.0.0.1:5000</c>).</summary>
    public string Peer => _httpContext.Connection.RemoteIpAddress switch
    {
        null => "unknown",
        { AddressFamily: System.Net.Sockets.AddressFamily.InterNetworkV6 } ip => $"ipv6:[{ip}]:{_httpContext.Connection.RemotePort}",
        var ip => $"ipv4:{ip}:{_httpContext.Connection.RemotePort}",
    };

    /// <summary>The application metadata the client sent (protocol headers left out).</summary>
    public Metadata RequestHeaders => _requestHeaders ??= ReadRequestHeaders(_httpContext.Request.Headers);

    /// <summary>Metadata to send in the trailers, with the status.</summary>
    public Metadata ResponseTrailers => _responseTrailers ??= [];

    /// <summary>The underlying HTTP context, for what gRPC does not model.</summary>
    public HttpContext GetHttpContext() => _httpContext;

    internal RpcServerOptions Options { get; }

    internal bool RequestCompressed { get; }

    internal bool CompressResponses { get; }

    internal bool DeadlineExceeded => _deadlineSource is { IsCancellationRequested: true } && !_httpContext.RequestAborted.IsCancellationRequested;

    internal bool ResponseStarted { get; private set; }

    internal bool Completed { get; private set; }

    /// <summary>Sends response headers now, with this metadata. Can be called once, before the first message.</summary>
    public Task WriteResponseHeadersAsync(Metadata headers)
    {
        if (ResponseStarted)
        {
            throw new InvalidOperationException("Response headers have already been sent.");
        }

        var responseHeaders = _httpContext.Response.Headers;
        foreach (var entry in headers)
        {
            responseHeaders.Append(entry.Key, entry.WireValue);
        }

        StartResponse();
        return _httpContext.Response.StartAsync(CancellationToken);
    }

    internal void StartResponse()
    {
        if (ResponseStarted)
        {
            return;
        }

        ResponseStarted = true;
        var response = _httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = GrpcProtocol.ContentType;
        if (CompressResponses)
        {
            response.Headers[GrpcProtocol.EncodingHeader] = GrpcProtocol.GzipEncoding;
        }
    }

    /// <summary>
    /// Ends the call with a status: in trailers after a response, or as a trailers-only response when
    /// nothing was sent yet.
    /// </summary>
    internal void Complete(in Status status)
    {
        if (Completed)
        {
            return;
        }

        Completed = true;
        var response = _httpContext.Response;
        if (!ResponseStarted && !response.HasStarted)
        {
            // Trailers-only: one HEADERS frame with END_STREAM carries everything.
            ResponseStarted = true;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = GrpcProtocol.ContentType;
            WriteStatus(response.Headers, status);
            AppendMetadata(response.Headers, _responseTrailers);
            return;
        }

        var trailers = _httpContext.Features.Get<IHttpResponseTrailersFeature>()?.Trailers;
        if (trailers is null || trailers.IsReadOnly)
        {
            // No trailers (HTTP/1.1 via a test server): reset the stream so the client sees an error, not success.
            _httpContext.Features.Get<IHttpResetFeature>()?.Reset(2);
            return;
        }

        WriteStatus(trailers, status);
        AppendMetadata(trailers, _responseTrailers);
    }

    private static void WriteStatus(IHeaderDictionary target, in Status status)
    {
        if (status.Code == StatusCode.OK)
        {
            target[GrpcProtocol.StatusHeader] = StatusOk;
            return;
        }

        target[GrpcProtocol.StatusHeader] = ((int)status.Code).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!string.IsNullOrEmpty(status.Detail))
        {
            target[GrpcProtocol.MessageHeader] = PercentEncoding.Encode(status.Detail, GrpcProtocol.MaxStatusMessageLength);
        }

        if (status.Details is not null)
        {
            // Details too large for a client's header limit would cost the caller the status itself.
            var details = StatusDetails.Encode(status.Details);
            if (details.Length <= GrpcProtocol.MaxStatusDetailsLength)
            {
                target[GrpcProtocol.StatusDetailsHeader] = details;
            }
        }
    }

    private static void AppendMetadata(IHeaderDictionary target, Metadata? metadata)
    {
        if (metadata is null)
        {
            return;
        }

        foreach (var entry in metadata)
        {
            target.Append(entry.Key, entry.WireValue);
        }
    }

    private static Metadata ReadRequestHeaders(IHeaderDictionary headers)
    {
        var metadata = new Metadata();
        foreach (var (name, values) in headers)
        {
            if (GrpcProtocol.IsReservedHeader(name))
            {
                continue;
            }

            var key = name.ToLowerInvariant();
            foreach (var value in values)
            {
                if (value is null)
                {
                    continue;
                }

                if (Metadata.IsBinaryKey(key))
                {
                    // Repeated binary values may arrive comma-joined in one header.
                    foreach (var part in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                    {
                        metadata.AddParsed(key, part);
                    }
                }
                else
                {
                    metadata.AddParsed(key, value);
                }
            }
        }

        return metadata;
    }
}
