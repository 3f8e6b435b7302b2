using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Civic.Defaults.Services;
using Civic.Gateway.Api.Idempotency;
using Google.Protobuf.Reflection;

namespace Civic.Gateway.Api.OpenApi;

/// <summary>
/// Writes the JSON API's OpenAPI 3.0.3 document from the route table and the proto descriptors, so
/// the schemas are exactly the proto3 JSON the API speaks (lowerCamelCase names, enums as names,
/// timestamps as RFC 3339 strings). Microsoft.AspNetCore.OpenApi would describe the generated C#
/// classes through System.Text.Json instead, which is not what goes over the wire.
/// </summary>
public static class OpenApiDocument
{
    public const string Path = CivicServices.ApiPrefix + "/openapi.json";

    private const string ProblemSchema = "ProblemDetails";

    private static readonly (int Status, string Description)[] ErrorResponses =
    [
        (400, "The request is invalid (bad JSON, a bad parameter, or fields the service refused; see errors)."),
        (401, "No valid access token, and the operation needs one."),
        (403, "The caller's role may not do this."),
        (404, "Not found, or not visible to the caller."),
        (409, "Exists already, conflicts with the resource's state, or the same Idempotency-Key is still in progress."),
        (429, "Too many requests; see Retry-After."),
        (500, "An internal error; report the traceId."),
        (503, "A service is unavailable; retry after Retry-After."),
        (504, "A service did not answer in time."),
    ];

    /// <summary>The document for <paramref name="operations"/>, as UTF-8 JSON.</summary>
    public static byte[] Build(IReadOnlyList<ApiOperation> operations)
    {
        ArgumentNullException.ThrowIfNull(operations);
        var schemas = new SortedDictionary<string, MessageDescriptor>(StringComparer.Ordinal);
        var enums = new SortedDictionary<string, EnumDescriptor>(StringComparer.Ordinal);
        foreach (var operation in operations)
        {
            Collect(operation.Response, schemas, enums);
            if (operation.RequestBody is { } body)
            {
                Collect(body, schemas, enums);
            }
        }

        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("openapi", "3.0.3");
            writer.WriteStartObject("info");
            writer.WriteString("title", "Civic JSON API");
            writer.WriteString("version", "v1");
            writer.WriteString("description",
                "Direktørlinjen, Borgerpanelet and Ressourcenetværket for the web UI and other municipal systems. Bodies use the proto3 JSON mapping. "
                + "Errors are RFC 9457 problem details. Every POST that creates something accepts an Idempotency-Key.");
            writer.WriteEndObject();
            WritePaths(writer, operations);
            WriteComponents(writer, schemas, enums);
            writer.WriteStartArray("security");
            writer.WriteStartObject();
            writer.WriteStartArray("bearer");
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteStartObject();
            writer.WriteStartArray("cookie");
            writer.WriteEndArray();
            writer.WriteEndObject();
            // An empty requirement: anonymous callers may use the operations the services open to everyone.
            writer.WriteStartObject();
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WritePaths(Utf8JsonWriter writer, IReadOnlyList<ApiOperation> operations)
    {
        writer.WriteStartObject("paths");
        foreach (var group in operations.GroupBy(o => o.Route))
        {
            writer.WriteStartObject(group.Key);
            foreach (var operation in group)
            {
                WriteOperation(writer, operation);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WriteOperation(Utf8JsonWriter writer, ApiOperation operation)
    {
        writer.WriteStartObject(operation.Method.ToLowerInvariant());
        writer.WriteString("operationId", operation.OperationId);
        writer.WriteString("summary", operation.Summary);
        writer.WriteStartArray("tags");
        writer.WriteStringValue(operation.Tag);
        writer.WriteEndArray();
        if (operation.Parameters.Count > 0 || operation.Creates)
        {
            writer.WriteStartArray("parameters");
            foreach (var parameter in operation.Parameters)
            {
                writer.WriteStartObject();
                writer.WriteString("name", parameter.Name);
                writer.WriteString("in", parameter.In);
                writer.WriteBoolean("required", parameter.Required);
                writer.WriteString("description", parameter.Description);
                writer.WriteStartObject("schema");
                writer.WriteString("type", parameter.Type);
                if (parameter.Type == "integer")
                {
                    writer.WriteString("format", "int32");
                    writer.WriteNumber("minimum", 0);
                }

                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            if (operation.Creates)
            {
                writer.WriteStartObject();
                writer.WriteString("name", IdempotentRequests.HeaderName);
                writer.WriteString("in", "header");
                writer.WriteBoolean("required", false);
                writer.WriteString("description",
                    "A unique key (e.g. a UUID) that makes retries safe: the first result is stored for 24 hours and replayed for the same key "
                    + "(with Idempotent-Replayed: true); the same key with another body gets 422.");
                writer.WriteStartObject("schema");
                writer.WriteString("type", "string");
                writer.WriteNumber("maxLength", IdempotentRequests.MaxKeyLength);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (operation.RequestBody is { } body)
        {
            writer.WriteStartObject("requestBody");
            writer.WriteBoolean("required", true);
            writer.WriteStartObject("content");
            writer.WriteStartObject("application/json");
            writer.WriteStartObject("schema");
            writer.WriteString("$ref", Ref(body));
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteStartObject("responses");
        writer.WriteStartObject(operation.SuccessStatus.ToString(System.Globalization.CultureInfo.InvariantCulture));
        writer.WriteString("description", "OK");
        writer.WriteStartObject("content");
        writer.WriteStartObject("application/json");
        writer.WriteStartObject("schema");
        writer.WriteString("$ref", Ref(operation.Response));
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
        var errors = operation.Creates
            ? ErrorResponses.Append((413, "The body is too large.")).Append((415, "The body is not JSON.")).Append((422, "The Idempotency-Key was used with another body."))
            : ErrorResponses;
        foreach (var (status, description) in errors.OrderBy(e => e.Item1))
        {
            writer.WriteStartObject(status.ToString(System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteString("description", description);
            writer.WriteStartObject("content");
            writer.WriteStartObject("application/problem+json");
            writer.WriteStartObject("schema");
            writer.WriteString("$ref", $"#/components/schemas/{ProblemSchema}");
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteComponents(Utf8JsonWriter writer, SortedDictionary<string, MessageDescriptor> schemas, SortedDictionary<string, EnumDescriptor> enums)
    {
        writer.WriteStartObject("components");
        writer.WriteStartObject("schemas");
        foreach (var (name, message) in schemas)
        {
            writer.WriteStartObject(name);
            writer.WriteString("type", "object");
            writer.WriteStartObject("properties");
            foreach (var field in message.Fields.InFieldNumberOrder())
            {
                writer.WriteStartObject(field.JsonName);
                WriteFieldSchema(writer, field);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteBoolean("additionalProperties", false);
            writer.WriteEndObject();
        }

        foreach (var (name, @enum) in enums)
        {
            writer.WriteStartObject(name);
            writer.WriteString("type", "string");
            writer.WriteStartArray("enum");
            foreach (var value in @enum.Values)
            {
                writer.WriteStringValue(value.Name);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        WriteProblemSchema(writer);
        writer.WriteEndObject();
        writer.WriteStartObject("securitySchemes");
        writer.WriteStartObject("bearer");
        writer.WriteString("type", "http");
        writer.WriteString("scheme", "bearer");
        writer.WriteString("bearerFormat", "JWT");
        writer.WriteEndObject();
        writer.WriteStartObject("cookie");
        writer.WriteString("type", "apiKey");
        writer.WriteString("in", "cookie");
        writer.WriteString("name", Identity.AccessTokenCookie.Name);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteFieldSchema(Utf8JsonWriter writer, FieldDescriptor field)
    {
        if (field.IsMap)
        {
            writer.WriteString("type", "object");
            writer.WriteStartObject("additionalProperties");
            WriteValueSchema(writer, field.MessageType.FindFieldByNumber(2));
            writer.WriteEndObject();
            return;
        }

        if (field.IsRepeated)
        {
            writer.WriteString("type", "array");
            writer.WriteStartObject("items");
            WriteValueSchema(writer, field);
            writer.WriteEndObject();
            return;
        }

        WriteValueSchema(writer, field);
    }

    private static void WriteValueSchema(Utf8JsonWriter writer, FieldDescriptor field)
    {
        switch (field.FieldType)
        {
            case FieldType.Message when field.MessageType.FullName == "google.protobuf.Timestamp":
                writer.WriteString("type", "string");
                writer.WriteString("format", "date-time");
                break;
            case FieldType.Message when field.MessageType.FullName == "google.protobuf.Duration":
                writer.WriteString("type", "string");
                writer.WriteString("pattern", "^-?[0-9]+(\\.[0-9]+)?s$");
                break;
            case FieldType.Message:
                writer.WriteString("$ref", Ref(field.MessageType));
                break;
            case FieldType.Enum:
                writer.WriteString("$ref", $"#/components/schemas/{field.EnumType.FullName}");
                break;
            case FieldType.String:
                writer.WriteString("type", "string");
                break;
            case FieldType.Bytes:
                writer.WriteString("type", "string");
                writer.WriteString("format", "byte");
                break;
            case FieldType.Bool:
                writer.WriteString("type", "boolean");
                break;
            case FieldType.Double or FieldType.Float:
                writer.WriteString("type", "number");
                writer.WriteString("format", field.FieldType == FieldType.Double ? "double" : "float");
                break;
            case FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 or FieldType.UInt64 or FieldType.Fixed64:
                // proto3 JSON writes 64-bit integers as strings: JavaScript numbers cannot hold them.
                writer.WriteString("type", "string");
                writer.WriteString("format", "int64");
                break;
            default:
                writer.WriteString("type", "integer");
                writer.WriteString("format", "int32");
                break;
        }
    }

    private static void WriteProblemSchema(Utf8JsonWriter writer)
    {
        writer.WriteStartObject(ProblemSchema);
        writer.WriteString("type", "object");
        writer.WriteString("description", "RFC 9457 problem details, with the service's gRPC status, reason and Danish message.");
        writer.WriteStartObject("properties");
        foreach (var (name, description) in new[]
        {
            ("type", "A URI naming the kind of problem."),
            ("title", "A short summary of the kind of problem."),
            ("detail", "What went wrong here and what to do, in English."),
            ("grpcStatus", "The service's gRPC status, e.g. NOT_FOUND."),
            ("reason", "The stable reason (civic.common.v1.ErrorReason name), e.g. ERROR_REASON_NOT_FOUND."),
            ("traceId", "The trace id to report."),
        })
        {
            writer.WriteStartObject(name);
            writer.WriteString("type", "string");
            writer.WriteString("description", description);
            writer.WriteEndObject();
        }

        writer.WriteStartObject("status");
        writer.WriteString("type", "integer");
        writer.WriteEndObject();
        writer.WriteStartObject("localizedMessage");
        WriteLocalizedSchema(writer);
        writer.WriteEndObject();
        writer.WriteStartObject("errors");
        writer.WriteString("type", "array");
        writer.WriteString("description", "One entry per wrong field.");
        writer.WriteStartObject("items");
        writer.WriteString("type", "object");
        writer.WriteStartObject("properties");
        foreach (var name in new[] { "field", "description", "reason" })
        {
            writer.WriteStartObject(name);
            writer.WriteString("type", "string");
            writer.WriteEndObject();
        }

        writer.WriteStartObject("localizedMessage");
        WriteLocalizedSchema(writer);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteStartArray("required");
        foreach (var name in new[] { "type", "title", "status" })
        {
            writer.WriteStringValue(name);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteLocalizedSchema(Utf8JsonWriter writer)
    {
        writer.WriteString("type", "object");
        writer.WriteString("description", "The message in Danish (locale da-DK).");
        writer.WriteStartObject("properties");
        writer.WriteStartObject("locale");
        writer.WriteString("type", "string");
        writer.WriteEndObject();
        writer.WriteStartObject("message");
        writer.WriteString("type", "string");
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void Collect(MessageDescriptor message, SortedDictionary<string, MessageDescriptor> schemas, SortedDictionary<string, EnumDescriptor> enums)
    {
        if (!schemas.TryAdd(message.FullName, message))
        {
            return;
        }

        foreach (var field in message.Fields.InFieldNumberOrder())
        {
            var valueField = field.IsMap ? field.MessageType.FindFieldByNumber(2) : field;
            if (valueField.FieldType == FieldType.Enum)
            {
                enums.TryAdd(valueField.EnumType.FullName, valueField.EnumType);
            }
            else if (valueField.FieldType == FieldType.Message && valueField.MessageType.File.Package != "google.protobuf")
            {
                Collect(valueField.MessageType, schemas, enums);
            }
        }
    }

    private static string Ref(MessageDescriptor message) => $"#/components/schemas/{message.FullName}";
}
