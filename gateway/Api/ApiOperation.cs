using Google.Protobuf.Reflection;

namespace Civic.Gateway.Api;

/// <summary>A parameter of an operation, for validation messages and the OpenAPI document.</summary>
/// <param name="Name">The name in the path or query.</param>
/// <param name="In">"path" or "query".</param>
/// <param name="Type">"string" or "integer".</param>
/// <param name="Description">What it is.</param>
/// <param name="Required">Whether it must be given.</param>
public sealed record ApiParameter(string Name, string In, string Type, string Description, bool Required = false);

/// <summary>
/// One JSON API operation: its route, what the OpenAPI document says about it, and how it runs (a
/// call of one RPC). The route table is the single source of both the endpoints and the document.
/// </summary>
public sealed record ApiOperation(
    string Method,
    string Route,
    string OperationId,
    string Tag,
    string Summary,
    IReadOnlyList<ApiParameter> Parameters,
    MessageDescriptor? RequestBody,
    MessageDescriptor Response,
    int SuccessStatus,
    Func<ApiRequest, Task<ApiResult>> Execute)
{
    /// <summary>True for operations that create something: they honour Idempotency-Key.</summary>
    public bool Creates => Method == HttpMethods.Post;
}
