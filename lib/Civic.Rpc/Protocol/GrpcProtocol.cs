namespace Civic.Rpc.Protocol;

/// <summary>Names and values fixed by the gRPC-over-HTTP/2 specification.</summary>
internal static class GrpcProtocol
{
    public const string ContentType = "application/grpc";
    public const string ContentTypeProto = "application/grpc+proto";
    public const string StatusHeader = "grpc-status";
    public const string MessageHeader = "grpc-message";
    public const string StatusDetailsHeader = "grpc-status-details-bin";
    public const string TimeoutHeader = "grpc-timeout";
    public const string EncodingHeader = "grpc-encoding";
    public const string AcceptEncodingHeader = "grpc-accept-encoding";
    public const string TeHeader = "te";
    public const string IdentityEncoding = "identity";
    public const string GzipEncoding = "gzip";

    /// <summary>What Civic can decode, in the form of a grpc-accept-encoding header.</summary>
    public const string SupportedEncodings = "identity,gzip";

    /// <summary>The length-prefix: one compressed-flag byte and a four-byte big-endian length.</summary>
    public const int HeaderSize = 5;

    /// <summary>Default limit on a received message, as in every mainstream gRPC implementation.</summary>
    public const int DefaultMaxReceiveMessageSize = 4 * 1024 * 1024;

    /// <summary>
    /// Longest grpc-message sent, encoded. grpc core refuses header blocks over 8 KiB (and nghttp2 any
    /// field over 64 KiB), which would cost the client the status itself; status and details together
    /// stay well under that.
    /// </summary>
    public const int MaxStatusMessageLength = 2048;

    /// <summary>Longest grpc-status-details-bin sent (base64); larger details are left out.</summary>
    public const int MaxStatusDetailsLength = 4096;

    /// <summary>Is this a gRPC content-type (application/grpc, optionally +proto or with parameters)?</summary>
    public static bool IsGrpcContentType(string? contentType)
    {
        if (contentType is null || !contentType.StartsWith(ContentType, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (contentType.Length == ContentType.Length)
        {
            return true;
        }

        var next = contentType[ContentType.Length];
        return next == ';' || (next == '+' && contentType.AsSpan(ContentType.Length + 1).StartsWith("proto", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Headers that belong to HTTP or the gRPC protocol, never to an application's metadata.</summary>
    public static bool IsReservedHeader(string name) =>
        name.Length == 0
        || name[0] == ':'
        || name.Equals("content-type", StringComparison.OrdinalIgnoreCase)
        || name.Equals("te", StringComparison.OrdinalIgnoreCase)
        || name.Equals("host", StringComparison.OrdinalIgnoreCase)
        || name.Equals("content-length", StringComparison.OrdinalIgnoreCase)
        || name.Equals("accept-encoding", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("grpc-", StringComparison.OrdinalIgnoreCase);
}
