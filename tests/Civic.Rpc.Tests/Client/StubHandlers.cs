using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;

namespace Civic.Rpc.Tests.Client;

/// <summary>An HTTP handler that answers every request itself, as a misbehaving or overloaded peer would.</summary>
public sealed class StubHandler(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> respond) : HttpMessageHandler
{
    private int _requests;

    public StubHandler(Func<HttpResponseMessage> respond)
        : this((_, _) => Task.FromResult(respond()))
    {
    }

    /// <summary>How many requests reached this handler.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>A trailers-only response: the status in the headers, no body.</summary>
    public static HttpResponseMessage TrailersOnly(StatusCode code, string message = "", HttpStatusCode httpStatus = HttpStatusCode.OK)
    {
        var response = Http(httpStatus, "application/grpc");
        response.Headers.TryAddWithoutValidation("grpc-status", ((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (message.Length > 0)
        {
            response.Headers.TryAddWithoutValidation("grpc-message", message);
        }

        return response;
    }

    /// <summary>A response with the given HTTP status and content type and no gRPC status anywhere.</summary>
    public static HttpResponseMessage Http(HttpStatusCode status, string contentType)
    {
        var response = new HttpResponseMessage(status) { Version = HttpVersion.Version20, Content = new ByteArrayContent([]) };
        response.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return response;
    }

    /// <summary>A full response: one message in the body, then trailers with <paramref name="code"/>.</summary>
    public static HttpResponseMessage WithMessage(IMessage message, StatusCode code)
    {
        var payload = message.ToByteArray();
        var body = new byte[5 + payload.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(body.AsSpan(1), (uint)payload.Length);
        payload.CopyTo(body, 5);
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Version = HttpVersion.Version20, Content = new ByteArrayContent(body) };
        response.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        response.TrailingHeaders.TryAddWithoutValidation("grpc-status", ((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture));
        return response;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        return respond(request, cancellationToken);
    }
}

/// <summary>
/// Passes requests to a real HTTP/2 connection, counting them and keeping the headers of the last
/// request and response; the first <see cref="FailFirst"/> requests get UNAVAILABLE without reaching the server.
/// </summary>
public sealed class RecordingHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    private int _requests;

    public int FailFirst { get; init; }

    public int Requests => Volatile.Read(ref _requests);

    public HttpRequestHeaders? LastRequestHeaders { get; private set; }

    public HttpResponseHeaders? LastResponseHeaders { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var number = Interlocked.Increment(ref _requests);
        LastRequestHeaders = request.Headers;
        if (number <= FailFirst)
        {
            return StubHandler.TrailersOnly(StatusCode.Unavailable, "try again");
        }

        var response = await base.SendAsync(request, cancellationToken);
        LastResponseHeaders = response.Headers;
        return response;
    }
}
