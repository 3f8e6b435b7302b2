using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;

namespace Civic.Rpc.Tests.Server;

/// <summary>
/// Speaks gRPC by hand over HttpClient (HTTP/2 prior knowledge), so tests can send exactly the bytes
/// and headers a protocol case needs, including wrong ones.
/// </summary>
internal sealed class RawGrpcClient(Uri address) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { EnableMultipleHttp2Connections = true })
    {
        BaseAddress = address,
        DefaultRequestVersion = HttpVersion.Version20,
        DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        Timeout = TimeSpan.FromSeconds(30),
    };

    public static byte[] Frame(IMessage message, bool compressedFlag = false) => Frame(message.ToByteArray(), compressedFlag);

    public static byte[] Frame(byte[] payload, bool compressedFlag = false)
    {
        var frame = new byte[5 + payload.Length];
        frame[0] = compressedFlag ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)payload.Length);
        payload.CopyTo(frame, 5);
        return frame;
    }

    public async Task<RawResponse> SendAsync(
        string path, byte[] body, string? contentType = "application/grpc", bool te = true,
        IEnumerable<(string Name, string Value)>? headers = null, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new ByteArrayContent(body),
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        if (contentType is not null)
        {
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        if (te)
        {
            request.Headers.TryAddWithoutValidation("te", "trailers");
        }

        foreach (var (name, value) in headers ?? [])
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return new RawResponse(
            (int)response.StatusCode,
            Flatten(response.Headers, response.Content.Headers),
            Flatten(response.TrailingHeaders),
            bytes);
    }

    public void Dispose() => _http.Dispose();

    private static Dictionary<string, string> Flatten(params HttpHeaders[] groups)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var group in groups)
        {
            foreach (var (name, values) in group)
            {
                result[name] = string.Join(",", values);
            }
        }

        return result;
    }
}

/// <summary>What came back: HTTP status, headers, trailers and the raw body.</summary>
internal sealed record RawResponse(int HttpStatus, Dictionary<string, string> Headers, Dictionary<string, string> Trailers, byte[] Body)
{
    /// <summary>grpc-status from the trailers, or from the headers of a trailers-only response.</summary>
    public StatusCode? GrpcStatus =>
        (Trailers.TryGetValue("grpc-status", out var t) ? t : Headers.GetValueOrDefault("grpc-status")) is { } s
            ? (StatusCode)int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)
            : null;

    public string? GrpcMessage => Trailers.GetValueOrDefault("grpc-message") ?? Headers.GetValueOrDefault("grpc-message");

    /// <summary>A trailers-only response: status in the one HEADERS frame and no body.</summary>
    public bool IsTrailersOnly => Headers.ContainsKey("grpc-status") && Body.Length == 0 && Trailers.Count == 0;

    public T Message<T>(MessageParser<T> parser)
        where T : IMessage<T>
    {
        Assert.True(Body.Length >= 5, "response has no message");
        var length = BinaryPrimitives.ReadUInt32BigEndian(Body.AsSpan(1));
        Assert.Equal(0, Body[0]);
        return parser.ParseFrom(Body.AsSpan(5, (int)length));
    }
}
