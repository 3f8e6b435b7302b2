using System.Buffers;
using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Json;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Rpc;
using StatusCode = Grpc.Core.StatusCode;

namespace Civic.Gateway.Api;

/// <summary>
/// RFC 9457 problem details for the JSON API. A service's gRPC status becomes the HTTP status of
/// <see cref="HttpStatusFor"/>, with the service's message as "detail", its field violations as
/// "errors" (field paths in the API's lowerCamelCase), and the Danish google.rpc.LocalizedMessage,
/// ErrorInfo reason and trace id as extension members.
/// </summary>
public static class Problems
{
    public const string ContentType = "application/problem+json; charset=utf-8";

    /// <summary>The base of every problem type URI; the last segment names the problem.</summary>
    public const string TypeBase = "https://civic.aalborg.dk/problems/";

    /// <summary>
    /// gRPC status → HTTP status. FAILED_PRECONDITION is 409 Conflict (the resource's state conflicts
    /// with the request), not 412, which HTTP reserves for failed conditional headers (If-Match …).
    /// Beyond the usual table: ABORTED 409, OUT_OF_RANGE 400, UNIMPLEMENTED 501, CANCELLED 499.
    /// </summary>
    public static int HttpStatusFor(StatusCode code) => code switch
    {
        StatusCode.OK => StatusCodes.Status200OK,
        StatusCode.InvalidArgument or StatusCode.OutOfRange => StatusCodes.Status400BadRequest,
        StatusCode.Unauthenticated => StatusCodes.Status401Unauthorized,
        StatusCode.PermissionDenied => StatusCodes.Status403Forbidden,
        StatusCode.NotFound => StatusCodes.Status404NotFound,
        StatusCode.AlreadyExists or StatusCode.FailedPrecondition or StatusCode.Aborted => StatusCodes.Status409Conflict,
        StatusCode.ResourceExhausted => StatusCodes.Status429TooManyRequests,
        StatusCode.Cancelled => 499,
        StatusCode.Unimplemented => StatusCodes.Status501NotImplemented,
        StatusCode.Unavailable => StatusCodes.Status503ServiceUnavailable,
        StatusCode.DeadlineExceeded => StatusCodes.Status504GatewayTimeout,
        _ => StatusCodes.Status500InternalServerError,
    };

    private static readonly JsonParser StatusParser = new(JsonParser.Settings.Default
        .WithIgnoreUnknownFields(true)
        .WithTypeRegistry(TypeRegistry.FromMessages(BadRequest.Descriptor, ErrorInfo.Descriptor, LocalizedMessage.Descriptor, RetryInfo.Descriptor)));

    /// <summary>
    /// Reads a service's JSON error body (a google.rpc.Status in the proto3 JSON mapping, as gRPC JSON
    /// transcoding writes it); null when it is not one.
    /// </summary>
    public static Google.Rpc.Status? ParseStatus(string json)
    {
        try
        {
            var status = StatusParser.Parse<Google.Rpc.Status>(json);
            return status.Code == 0 ? null : status;
        }
        catch (Exception exception) when (exception is InvalidProtocolBufferException or InvalidJsonException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The problem for a failed service call.</summary>
    public static ApiResult FromStatus(Google.Rpc.Status rpcStatus)
    {
        ArgumentNullException.ThrowIfNull(rpcStatus);
        var code = (StatusCode)rpcStatus.Code;
        var status = HttpStatusFor(code);
        var detail = string.IsNullOrWhiteSpace(rpcStatus.Message) ? TitleFor(code) : rpcStatus.Message;
        var retryAfter = rpcStatus.GetDetail<RetryInfo>() is { } retry
            ? retry.RetryDelay.ToTimeSpan()
            : (TimeSpan?)null;
        if (retryAfter is null && code == StatusCode.Unavailable)
        {
            retryAfter = TimeSpan.FromSeconds(1);
        }

        return Write(status, Slug(code), TitleFor(code), detail, retryAfter, writer =>
        {
            writer.WriteString("grpcStatus", GrpcName(code));
            if (rpcStatus.GetDetail<ErrorInfo>() is { } info)
            {
                writer.WriteString("reason", info.Reason);
            }

            if (rpcStatus.GetDetail<LocalizedMessage>() is { } localized)
            {
                WriteLocalized(writer, localized);
            }

            if (rpcStatus.GetDetail<BadRequest>() is { FieldViolations.Count: > 0 } badRequest)
            {
                writer.WriteStartArray("errors");
                foreach (var violation in badRequest.FieldViolations)
                {
                    writer.WriteStartObject();
                    writer.WriteString("field", JsonFieldPath(violation.Field));
                    writer.WriteString("description", violation.Description);
                    if (violation.Reason.Length > 0)
                    {
                        writer.WriteString("reason", violation.Reason);
                    }

                    if (violation.LocalizedMessage is { } message)
                    {
                        WriteLocalized(writer, message);
                    }

                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

        });
    }

    public static ApiResult InvalidToken() =>
        Write(StatusCodes.Status401Unauthorized, "unauthenticated", "Unauthenticated",
            "The access token is not valid (expired, for another audience or issuer, or badly signed). Sign in again.",
            extensions: writer => WriteLocalized(writer, new LocalizedMessage { Locale = "da-DK", Message = "Dit login er udløbet eller ugyldigt. Log ind igen." }));

    public static ApiResult UnsupportedMediaType(string? contentType) =>
        Write(StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type", "Unsupported media type",
            $"The request body must be JSON (Content-Type: application/json), not '{contentType}'.");

    public static ApiResult PayloadTooLarge(int limit) =>
        Write(StatusCodes.Status413PayloadTooLarge, "payload-too-large", "Payload too large",
            $"The request body is larger than the {limit} bytes this API accepts.");

    public static ApiResult Problem(int status, string slug, string title, string detail, TimeSpan? retryAfter = null) =>
        Write(status, slug, title, detail, retryAfter);

    /// <summary>A field path of the proto ("name.da", "page.page_token") in the API's JSON names ("name.da", "page.pageToken").</summary>
    public static string JsonFieldPath(string protoPath)
    {
        ArgumentNullException.ThrowIfNull(protoPath);
        return string.Join('.', protoPath.Split('.').Select(LowerCamel));
    }

    private static string LowerCamel(string segment)
    {
        var parts = segment.Split('_');
        return parts[0] + string.Concat(parts.Skip(1).Where(p => p.Length > 0).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
    }

    private static void WriteLocalized(Utf8JsonWriter writer, LocalizedMessage message)
    {
        writer.WriteStartObject("localizedMessage");
        writer.WriteString("locale", message.Locale);
        writer.WriteString("message", message.Message);
        writer.WriteEndObject();
    }

    private static ApiResult Write(int status, string slug, string title, string detail, TimeSpan? retryAfter = null, Action<Utf8JsonWriter>? extensions = null)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        // Relaxed escaping keeps æ, ø, å readable; safe because the body is served as JSON with nosniff, never inside HTML.
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("type", TypeBase + slug);
            writer.WriteString("title", title);
            writer.WriteNumber("status", status);
            writer.WriteString("detail", detail);
            extensions?.Invoke(writer);
            if (Activity.Current is { } activity)
            {
                writer.WriteString("traceId", activity.TraceId.ToHexString());
            }

            writer.WriteEndObject();
        }

        return new ApiResult(status, ContentType, buffer.WrittenSpan.ToArray(), RetryAfter: retryAfter);
    }

    private static string TitleFor(StatusCode code) => code switch
    {
        StatusCode.InvalidArgument => "Invalid argument",
        StatusCode.OutOfRange => "Out of range",
        StatusCode.Unauthenticated => "Unauthenticated",
        StatusCode.PermissionDenied => "Permission denied",
        StatusCode.NotFound => "Not found",
        StatusCode.AlreadyExists => "Already exists",
        StatusCode.FailedPrecondition => "Failed precondition",
        StatusCode.Aborted => "Aborted",
        StatusCode.ResourceExhausted => "Too many requests",
        StatusCode.Cancelled => "Cancelled",
        StatusCode.Unimplemented => "Not implemented",
        StatusCode.Unavailable => "Service unavailable",
        StatusCode.DeadlineExceeded => "Deadline exceeded",
        _ => "Internal error",
    };

    private static string Slug(StatusCode code) => GrpcName(code).ToLowerInvariant().Replace('_', '-');

    private static string GrpcName(StatusCode code) => code switch
    {
        StatusCode.OK => "OK",
        StatusCode.Cancelled => "CANCELLED",
        StatusCode.Unknown => "UNKNOWN",
        StatusCode.InvalidArgument => "INVALID_ARGUMENT",
        StatusCode.DeadlineExceeded => "DEADLINE_EXCEEDED",
        StatusCode.NotFound => "NOT_FOUND",
        StatusCode.AlreadyExists => "ALREADY_EXISTS",
        StatusCode.PermissionDenied => "PERMISSION_DENIED",
        StatusCode.ResourceExhausted => "RESOURCE_EXHAUSTED",
        StatusCode.FailedPrecondition => "FAILED_PRECONDITION",
        StatusCode.Aborted => "ABORTED",
        StatusCode.OutOfRange => "OUT_OF_RANGE",
        StatusCode.Unimplemented => "UNIMPLEMENTED",
        StatusCode.Internal => "INTERNAL",
        StatusCode.Unavailable => "UNAVAILABLE",
        StatusCode.DataLoss => "DATA_LOSS",
        StatusCode.Unauthenticated => "UNAUTHENTICATED",
        _ => "UNKNOWN",
    };
}
