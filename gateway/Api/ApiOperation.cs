using Google.Protobuf.Reflection;

namespace Civic.Gateway.Api;

/// <summary>A parameter of an operation, for the OpenAPI document.</summary>
/// <param name="Name">The name in the path or query.</param>
/// <param name="In">"path" or "query".</param>
/// <param name="Type">"string" or "integer".</param>
/// <param name="Description">What it is.</param>
/// <param name="Required">Whether it must be given.</param>
public sealed record ApiParameter(string Name, string In, string Type, string Description, bool Required = false);

/// <summary>
/// One JSON API operation, as a contract's google.api.http annotation declares it (<see cref="ApiOperations"/>):
/// the services serve it by gRPC JSON transcoding, the OpenAPI document describes it.
/// </summary>
public sealed record ApiOperation(
    string Method,
    string Route,
    string OperationId,
    string Tag,
    string Summary,
    IReadOnlyList<ApiParameter> Parameters,
    MessageDescriptor? RequestBody,
    MessageDescriptor Response)
{
    /// <summary>True for operations that create something: they honour Idempotency-Key.</summary>
    public bool Creates => Method == HttpMethods.Post;

    /// <summary>Transcoded calls answer 200 on success.</summary>
    public int SuccessStatus => StatusCodes.Status200OK;
}
