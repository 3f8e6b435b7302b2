using System.Net;
using Civic.Gateway.Api;
using Civic.Gateway.Tests.Infrastructure;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Civic.Gateway.Tests.Api;

/// <summary>The OpenAPI document, read back with Microsoft.OpenApi's reader: valid, complete and true to the wire format.</summary>
[Collection(ClusterCollection.Name)]
public sealed class OpenApiDocumentTests(CivicCluster cluster)
{
    [Fact]
    public async Task OpenApiJson_Served_ValidOpenApi3CoveringEveryRoute()
    {
        var (result, status) = await LoadAsync();
        var document = result.Document!;

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(result.Diagnostic!.Errors);
        Assert.Equal(OpenApiSpecVersion.OpenApi3_0, result.Diagnostic.SpecificationVersion);
        foreach (var operation in ApiOperations.All)
        {
            Assert.True(document.Paths.TryGetValue(operation.Route, out var path), $"{operation.Route} is missing");
            var described = path.Operations![new HttpMethod(operation.Method)];
            Assert.Equal(operation.OperationId, described.OperationId);
            Assert.Contains(operation.SuccessStatus.ToString(System.Globalization.CultureInfo.InvariantCulture), described.Responses!.Keys);
            Assert.Contains("404", described.Responses.Keys);
            Assert.Equal(operation.Creates, described.Parameters?.Any(p => p.Name == "Idempotency-Key") ?? false);
        }

        Assert.Equal(ApiOperations.All.Count, document.Paths.Sum(p => p.Value.Operations!.Count));
    }

    [Fact]
    public async Task OpenApiJson_Schemas_DescribeProto3Json()
    {
        var (result, _) = await LoadAsync();
        var schemas = result.Document!.Components!.Schemas!;

        var department = schemas["civic.hotline.v1.Department"];
        Assert.Contains("directorName", department.Properties!.Keys);
        Assert.Equal("date-time", department.Properties["createdAt"].Format);
        Assert.Equal("civic.common.v1.LocalizedText", Assert.IsType<OpenApiSchemaReference>(department.Properties["name"]).Reference.Id);
        var coCreation = schemas["civic.panel.v1.CoCreationType"];
        Assert.Equal(JsonSchemaType.String, coCreation.Type);
        Assert.Contains("CO_CREATION_TYPE_EQUAL", coCreation.Enum!.Select(e => e.GetValue<string>()));
        Assert.Contains("errors", schemas["ProblemDetails"].Properties!.Keys);
    }

    private async Task<(ReadResult Result, HttpStatusCode Status)> LoadAsync()
    {
        using var response = await cluster.Api.GetAsync("/api/v1/openapi.json", TestContext.Current.CancellationToken);
        await using var stream = await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken);
        var result = await OpenApiDocument.LoadAsync(stream, "json", null, TestContext.Current.CancellationToken);
        return (result, response.StatusCode);
    }
}
