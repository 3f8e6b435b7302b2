using System.Text.RegularExpressions;
using Civic.Defaults.Services;
using Google.Api;
using Google.Protobuf.Reflection;

namespace Civic.Gateway.Api;

/// <summary>
/// The JSON API's operations, read from the contracts' google.api.http annotations: the one source of
/// the services' transcoded routes and of the OpenAPI document. A GET's request fields that are not
/// in the path are query parameters (a message field's fields as "page.pageSize").
/// </summary>
public static partial class ApiOperations
{
    /// <summary>Every annotated RPC of every Civic contract.</summary>
    public static IReadOnlyList<ApiOperation> All { get; } = CivicContracts.Services.SelectMany(Of).ToList();

    private static IEnumerable<ApiOperation> Of(Google.Protobuf.Reflection.ServiceDescriptor service)
    {
        var tag = CivicServices.All.FirstOrDefault(s => s.ProtoPackage == service.File.Package)?.Name ?? service.File.Package;
        foreach (var method in service.Methods)
        {
            if (method.GetOptions()?.GetExtension(AnnotationsExtensions.Http) is not { } rule)
            {
                continue;
            }

            var (verb, route) = rule.PatternCase switch
            {
                HttpRule.PatternOneofCase.Get => ("GET", rule.Get),
                HttpRule.PatternOneofCase.Post => ("POST", rule.Post),
                HttpRule.PatternOneofCase.Put => ("PUT", rule.Put),
                HttpRule.PatternOneofCase.Patch => ("PATCH", rule.Patch),
                HttpRule.PatternOneofCase.Delete => ("DELETE", rule.Delete),
                _ => (rule.Custom.Kind, rule.Custom.Path),
            };
            var pathFields = PathVariable().Matches(route).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
            var parameters = pathFields.Select(f => new ApiParameter(f, "path", "string", $"The {f.Replace('_', ' ')}.", Required: true)).ToList();
            if (rule.Body.Length == 0)
            {
                parameters.AddRange(QueryParameters(method.InputType, pathFields));
            }

            var response = rule.ResponseBody.Length > 0
                ? method.OutputType.FindFieldByName(rule.ResponseBody).MessageType
                : method.OutputType;
            yield return new ApiOperation(
                verb,
                PathVariable().Replace(route, m => $"{{{m.Groups[1].Value}}}"),
                char.ToLowerInvariant(method.Name[0]) + method.Name[1..],
                tag,
                $"{Words(method.Name)} ({method.FullName}).",
                parameters,
                rule.Body == "*" ? method.InputType : null,
                response);
        }
    }

    private static IEnumerable<ApiParameter> QueryParameters(MessageDescriptor request, HashSet<string> pathFields)
    {
        foreach (var field in request.Fields.InDeclarationOrder().Where(f => !pathFields.Contains(f.Name)))
        {
            if (field.FieldType == FieldType.Message)
            {
                foreach (var inner in field.MessageType.Fields.InDeclarationOrder().Where(f => f.FieldType != FieldType.Message))
                {
                    yield return new ApiParameter($"{field.JsonName}.{inner.JsonName}", "query", TypeOf(inner), $"{field.Name}.{inner.Name}.");
                }
            }
            else
            {
                yield return new ApiParameter(field.JsonName, "query", TypeOf(field), $"{field.Name}.");
            }
        }
    }

    private static string TypeOf(FieldDescriptor field) =>
        field.FieldType is FieldType.Int32 or FieldType.SInt32 or FieldType.UInt32 or FieldType.Fixed32 or FieldType.SFixed32 ? "integer" : "string";

    private static string Words(string name) => LowerBoundary().Replace(name, "$1 $2");

    [GeneratedRegex(@"\{([a-z_][a-z0-9_.]*)(=[^}]*)?\}")]
    private static partial Regex PathVariable();

    [GeneratedRegex("([a-z])([A-Z])")]
    private static partial Regex LowerBoundary();
}
