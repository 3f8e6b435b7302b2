using System.Text.Json;
using Civic.Interop.Tests.Harness;
using Grpc.Core;

namespace Civic.Interop.Tests.CivicServer;

/// <summary>
/// Civic's grpc.health.v1 and server reflection (v1 and v1alpha) as independent clients use them:
/// the way Kubernetes probes, load balancers, grpcurl and Postman would.
/// </summary>
public abstract class HealthReflectionInteropTests(HealthReflectionPeerFixture fixture)
{
    private const string TestService = "civic.testing.v1.TestService";

    [Fact]
    public void HealthCheck_WholeServer_Serving()
    {
        Assert.Equal("SERVING", Case("health_check_server").AssertCode(StatusCode.OK)["status"].GetString());
    }

    [Fact]
    public void HealthCheck_ServedService_Serving()
    {
        Assert.Equal("SERVING", Case("health_check_service").AssertCode(StatusCode.OK)["status"].GetString());
    }

    [Fact]
    public void HealthCheck_UnknownService_NotFound()
    {
        Case("health_check_unknown_service").AssertCode(StatusCode.NotFound);
    }

    [Fact]
    public void HealthWatch_FirstMessage_Serving()
    {
        Assert.Equal("SERVING", Case("health_watch").AssertCode(StatusCode.OK)["status"].GetString());
    }

    [Theory]
    [InlineData("v1")]
    [InlineData("v1alpha")]
    public void Reflection_ListServices_NamesEveryServedService(string version)
    {
        var list = Responses(version)[0];

        Assert.Equal("list_services_response", list.GetProperty("kind").GetString());
        Assert.Equal(
            [TestService, "grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection"],
            list.GetProperty("services").EnumerateArray().Select(s => s.GetString()!).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("v1")]
    [InlineData("v1alpha")]
    public void Reflection_FileContainingService_DescribesServiceAndMethods(string version)
    {
        var file = SingleFile(Responses(version)[1]);

        Assert.Equal("civic.testing.v1", file.GetProperty("package").GetString());
        var service = Assert.Single(file.GetProperty("services").EnumerateArray());
        Assert.Equal("TestService", service.GetProperty("name").GetString());
        var methods = service.GetProperty("methods").EnumerateArray()
            .Select(m => string.Join(
                ' ',
                m.GetProperty("name").GetString(),
                m.GetProperty("input").GetString(),
                m.GetProperty("output").GetString(),
                m.GetProperty("client_streaming").GetBoolean(),
                m.GetProperty("server_streaming").GetBoolean()))
            .ToList();
        Assert.Equal(
            [
                "UnaryCall .civic.testing.v1.UnaryCallRequest .civic.testing.v1.UnaryCallResponse False False",
                "StreamingOutputCall .civic.testing.v1.StreamingOutputCallRequest .civic.testing.v1.StreamingOutputCallResponse False True",
                "StreamingInputCall .civic.testing.v1.StreamingInputCallRequest .civic.testing.v1.StreamingInputCallResponse True False",
                "FullDuplexCall .civic.testing.v1.FullDuplexCallRequest .civic.testing.v1.FullDuplexCallResponse True True",
            ],
            methods);
        Assert.Contains("UnaryCallRequest", file.GetProperty("messages").EnumerateArray().Select(m => m.GetString()));
    }

    [Theory]
    [InlineData("v1", 2, "file_containing_symbol")]
    [InlineData("v1", 3, "file_containing_symbol")]
    [InlineData("v1", 4, "file_by_filename")]
    [InlineData("v1alpha", 2, "file_containing_symbol")]
    [InlineData("v1alpha", 3, "file_containing_symbol")]
    [InlineData("v1alpha", 4, "file_by_filename")]
    public void Reflection_MethodMessageOrFileName_FindsTheServiceFile(string version, int request, string kind)
    {
        var response = Responses(version)[request];

        // Grpc.AspNetCore's reflection leaves original_request unset (clients such as grpcurl match answers by order);
        // if it is ever set, it must be the request's.
        Assert.True(response.GetProperty("original").GetString() is null || response.GetProperty("original").GetString() == kind, response.ToString());
        Assert.Equal("civic/testing/v1/test_service.proto", SingleFile(response).GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("v1")]
    [InlineData("v1alpha")]
    public void Reflection_UnknownSymbol_NotFoundErrorAndStreamGoesOn(string version)
    {
        var response = Responses(version)[5];

        Assert.Equal("error_response", response.GetProperty("kind").GetString());
        Assert.Equal((int)StatusCode.NotFound, response.GetProperty("error_code").GetInt32());
    }

    [Fact]
    public void Reflection_DescriptorsAlone_SufficeToCallTheService()
    {
        var result = Case("reflection_dynamic_call").AssertCode(StatusCode.OK);

        Assert.Equal("fundet via refleksion", result["payload"].GetString());
        Assert.Equal(4, result["methods"].GetArrayLength());
    }

    private PeerCase Case(string name) => fixture.Report.Case(name);

    private List<JsonElement> Responses(string version)
    {
        var responses = Case($"reflection_{version}").AssertCode(StatusCode.OK)["responses"].EnumerateArray().ToList();
        Assert.Equal(6, responses.Count);
        return responses;
    }

    private static JsonElement SingleFile(JsonElement response)
    {
        Assert.Equal("file_descriptor_response", response.GetProperty("kind").GetString());
        return Assert.Single(response.GetProperty("files").EnumerateArray());
    }
}

public sealed class GrpcioHealthReflectionTests(GrpcioHealthReflectionFixture fixture)
    : HealthReflectionInteropTests(fixture), IClassFixture<GrpcioHealthReflectionFixture>;

public sealed class GrpcJsHealthReflectionTests(GrpcJsHealthReflectionFixture fixture)
    : HealthReflectionInteropTests(fixture), IClassFixture<GrpcJsHealthReflectionFixture>;
