using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Civic.Rpc.Protocol;

namespace Civic.Rpc.Client;

/// <summary>Reads a call's status and metadata out of HTTP/2 response headers and trailers.</summary>
internal static class ResponseStatusReader
{
    /// <summary>
    /// Finds a status that ends the call before any message: a trailers-only response (grpc-status in
    /// the headers, which must be used whatever the HTTP status), a non-200 HTTP status (mapped as the
    /// gRPC spec's table says), or a response that is not gRPC at all.
    /// </summary>
    public static bool TryReadEarlyStatus(HttpResponseMessage response, out Status status, out Metadata trailers)
    {
        if (TryGetSingle(response.Headers, GrpcProtocol.StatusHeader, out _))
        {
            status = ReadStatus(response.Headers, string.Empty);
            trailers = ReadMetadata(response.Headers);
            return true;
        }

        trailers = [];
        if (response.StatusCode != HttpStatusCode.OK)
        {
            var code = (int)response.StatusCode;
            status = new Status(
                FromHttpStatus(response.StatusCode),
                $"Bad gRPC response: HTTP status {code.ToString(CultureInfo.InvariantCulture)} {response.ReasonPhrase} and no grpc-status.");
            return true;
        }

        var contentType = response.Content.Headers.ContentType?.ToString();
        if (!GrpcProtocol.IsGrpcContentType(contentType))
        {
            status = new Status(StatusCode.Unknown, $"Bad gRPC response: content-type '{contentType}' is not {GrpcProtocol.ContentType}.");
            return true;
        }

        status = default;
        return false;
    }

    /// <summary>The status in trailers (or trailers-only headers); UNKNOWN when grpc-status is missing or invalid.</summary>
    public static Status ReadStatus(HttpHeaders headers, string whenMissing)
    {
        if (!TryGetSingle(headers, GrpcProtocol.StatusHeader, out var statusText))
        {
            return new Status(StatusCode.Unknown, whenMissing);
        }

        if (!int.TryParse(statusText, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number > (int)StatusCode.Unauthenticated)
        {
            return new Status(StatusCode.Unknown, $"The server sent an invalid grpc-status '{statusText}'.");
        }

        var detail = TryGetSingle(headers, GrpcProtocol.MessageHeader, out var message) ? PercentEncoding.Decode(message) : string.Empty;
        var details = TryGetSingle(headers, GrpcProtocol.StatusDetailsHeader, out var detailsText) ? StatusDetails.TryDecode(detailsText) : null;
        return new Status((StatusCode)number, detail, details);
    }

    /// <summary>The application metadata in a header block: protocol and HTTP headers left out, <c>-bin</c> values decoded.</summary>
    public static Metadata ReadMetadata(HttpHeaders headers)
    {
        var metadata = new Metadata();
        foreach (var (name, values) in headers.NonValidated)
        {
            if (GrpcProtocol.IsReservedHeader(name))
            {
                continue;
            }

            var key = name.ToLowerInvariant();
            foreach (var value in values)
            {
                if (Metadata.IsBinaryKey(key))
                {
                    // Repeated binary values may arrive comma-joined in one header.
                    foreach (var part in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                    {
                        AddBinary(metadata, key, part);
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

    /// <summary>The gRPC spec's mapping for responses from intermediaries that carry no grpc-status.</summary>
    public static StatusCode FromHttpStatus(HttpStatusCode status) => status switch
    {
        HttpStatusCode.BadRequest => StatusCode.Internal,
        HttpStatusCode.Unauthorized => StatusCode.Unauthenticated,
        HttpStatusCode.Forbidden => StatusCode.PermissionDenied,
        HttpStatusCode.NotFound => StatusCode.Unimplemented,
        HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout => StatusCode.Unavailable,
        _ => StatusCode.Unknown,
    };

    private static void AddBinary(Metadata metadata, string key, string value)
    {
        try
        {
            metadata.AddParsed(key, value);
        }
        catch (FormatException)
        {
            // A peer sent a -bin value that is not base64: drop that entry rather than fail the call.
        }
    }

    private static bool TryGetSingle(HttpHeaders headers, string name, out string value)
    {
        if (headers.NonValidated.TryGetValues(name, out var values) && values.Count > 0)
        {
            value = values.ToString();
            return true;
        }

        value = string.Empty;
        return false;
    }
}
