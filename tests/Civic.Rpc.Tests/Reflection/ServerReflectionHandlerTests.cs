using Civic.Contracts.Hotline.V1;
using Civic.Contracts.Network.V1;
using Civic.Contracts.Panel.V1;
using Civic.Rpc.Reflection;
using Civic.Rpc.Server;
using Civic.Rpc.Testing;
using Civic.Testing.V1;
using Google.Protobuf;
using Grpc.Health.V1;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using V1 = Grpc.Reflection.V1;
using V1Alpha = Grpc.Reflection.V1Alpha;

namespace Civic.Rpc.Tests.Reflection;

public sealed class ServerReflectionHandlerTests
{
    private const string HotlineFile = "civic/hotline/v1/hotline.proto";
    private const string PanelFile = "civic/panel/v1/panel.proto";
    private const string CommonFile = "civic/common/v1/common.proto";
    private const string TimestampFile = "google/protobuf/timestamp.proto";
    private const string HealthFile = "grpc/health/v1/health.proto";

    private static readonly ServerReflectionHandler Handler = ReflectionTestClient.HandlerFor(
        HotlineReflection.Descriptor.Services[0],
        PanelReflection.Descriptor.Services[0],
        NetworkReflection.Descriptor.Services[0],
        HealthReflection.Descriptor.Services[0]);

    [Fact]
    public async Task ListServices_ServerWithHealthAndReflection_ListsEveryServedService()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddLogging();
        services.AddCivicRpc();
        services.AddRpcService<TestServiceHandler>(TestServiceReflection.Descriptor.Services[0]);
        services.AddRpcHealth();
        services.AddRpcReflection();
        await using var provider = services.BuildServiceProvider();
        var handler = provider.GetRequiredService<ServerReflectionHandler>();

        var responses = await ReflectionTestClient.AskV1Async(handler, new V1.ServerReflectionRequest { ListServices = "*" });

        Assert.Equal(
            ["civic.testing.v1.TestService", "grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection"],
            responses.Single().ListServicesResponse.Service.Select(s => s.Name));
        Assert.Equal(
            ["civic.testing.v1.TestService", "grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection"],
            provider.GetRequiredService<RpcServiceRegistry>().Services.Select(s => s.FullName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task FileByFilename_OneStream_SendsEachDependencyOnce()
    {
        var responses = await ReflectionTestClient.AskV1Async(
            Handler,
            new V1.ServerReflectionRequest { FileByFilename = HotlineFile },
            new V1.ServerReflectionRequest { FileByFilename = PanelFile },
            new V1.ServerReflectionRequest { FileByFilename = HotlineFile });

        Assert.Equal([HotlineFile, CommonFile, TimestampFile], ReflectionTestClient.FileNames(responses[0]));
        Assert.Equal([PanelFile], ReflectionTestClient.FileNames(responses[1]));
        Assert.Equal([HotlineFile], ReflectionTestClient.FileNames(responses[2]));
    }

    [Fact]
    public async Task FileByFilename_NewStream_SendsDependenciesAgain()
    {
        await ReflectionTestClient.AskV1Async(Handler, new V1.ServerReflectionRequest { FileByFilename = HotlineFile });

        var responses = await ReflectionTestClient.AskV1Async(Handler, new V1.ServerReflectionRequest { FileByFilename = PanelFile });

        Assert.Equal([PanelFile, CommonFile, TimestampFile], ReflectionTestClient.FileNames(responses.Single()));
    }

    [Fact]
    public async Task FileByFilename_WellKnownType_ReturnsIt()
    {
        var responses = await ReflectionTestClient.AskV1Async(Handler, new V1.ServerReflectionRequest { FileByFilename = TimestampFile });

        Assert.Equal([TimestampFile], ReflectionTestClient.FileNames(responses.Single()));
    }

    [Theory]
    [InlineData("civic.hotline.v1.HotlineService", HotlineFile)]
    [InlineData("civic.hotline.v1.HotlineService.ListDepartments", HotlineFile)]
    [InlineData("civic.hotline.v1.Department", HotlineFile)]
    [InlineData(".civic.hotline.v1.Department", HotlineFile)]
    [InlineData("civic.hotline.v1.Department.director_name", HotlineFile)]
    [InlineData("grpc.health.v1.Health.Watch", HealthFile)]
    [InlineData("grpc.health.v1.HealthListResponse.StatusesEntry", HealthFile)]
    [InlineData("grpc.health.v1.HealthCheckResponse.ServingStatus", HealthFile)]
    [InlineData("grpc.health.v1.HealthCheckResponse.SERVING", HealthFile)]
    [InlineData("google.protobuf.Timestamp", TimestampFile)]
    public async Task FileContainingSymbol_KnownSymbol_ReturnsDefiningFileFirst(string symbol, string expectedFile)
    {
        var responses = await ReflectionTestClient.AskV1Async(Handler, new V1.ServerReflectionRequest { FileContainingSymbol = symbol });

        Assert.Equal(expectedFile, ReflectionTestClient.FileNames(responses.Single())[0]);
    }

    [Fact]
    public async Task FileContainingSymbol_UnknownSymbol_ErrorResponseNotFoundAndStreamGoesOn()
    {
        var responses = await ReflectionTestClient.AskV1Async(
            Handler,
            new V1.ServerReflectionRequest { FileContainingSymbol = "civic.hotline.v1.NoSuchThing" },
            new V1.ServerReflectionRequest { FileContainingSymbol = "civic.hotline.v1.HotlineService" });

        var error = responses[0].ErrorResponse;
        Assert.Equal((int)StatusCode.NotFound, error.ErrorCode);
        Assert.Equal("Symbol 'civic.hotline.v1.NoSuchThing' not found.", error.ErrorMessage);
        Assert.Equal(HotlineFile, ReflectionTestClient.FileNames(responses[1])[0]);
    }

    [Fact]
    public async Task FileByFilename_UnknownFile_ErrorResponseNotFound()
    {
        var responses = await ReflectionTestClient.AskV1Async(Handler, new V1.ServerReflectionRequest { FileByFilename = "civic/nowhere.proto" });

        Assert.Equal((int)StatusCode.NotFound, responses.Single().ErrorResponse.ErrorCode);
        Assert.Contains("civic/nowhere.proto", responses.Single().ErrorResponse.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AllExtensionNumbersOfType_KnownMessage_EmptyList()
    {
        var responses = await ReflectionTestClient.AskV1Async(
            Handler, new V1.ServerReflectionRequest { AllExtensionNumbersOfType = "civic.hotline.v1.Department" });

        var answer = responses.Single().AllExtensionNumbersResponse;
        Assert.NotNull(answer);
        Assert.Equal("civic.hotline.v1.Department", answer.BaseTypeName);
        Assert.Empty(answer.ExtensionNumber);
    }

    [Fact]
    public async Task AllExtensionNumbersOfType_UnknownType_ErrorResponseNotFound()
    {
        var responses = await ReflectionTestClient.AskV1Async(
            Handler, new V1.ServerReflectionRequest { AllExtensionNumbersOfType = "civic.hotline.v1.NoSuchMessage" });

        Assert.Equal((int)StatusCode.NotFound, responses.Single().ErrorResponse.ErrorCode);
    }

    [Fact]
    public async Task FileContainingExtension_NoSuchExtension_ErrorResponseNotFound()
    {
        var responses = await ReflectionTestClient.AskV1Async(
            Handler,
            new V1.ServerReflectionRequest
            {
                FileContainingExtension = new V1.ExtensionRequest { ContainingType = "civic.hotline.v1.Department", ExtensionNumber = 100 },
            });

        Assert.Equal((int)StatusCode.NotFound, responses.Single().ErrorResponse.ErrorCode);
    }

    [Fact]
    public async Task ServerReflectionInfo_RequestWithoutQuery_ErrorResponseInvalidArgument()
    {
        var responses = await ReflectionTestClient.AskV1Async(Handler, new V1.ServerReflectionRequest { Host = "localhost" });

        Assert.Equal((int)StatusCode.InvalidArgument, responses.Single().ErrorResponse.ErrorCode);
    }

    [Fact]
    public async Task ServerReflectionInfo_AnyRequest_EchoesHostAndOriginalRequest()
    {
        var request = new V1.ServerReflectionRequest { Host = "hotline.civic.local:5001", FileContainingSymbol = "civic.hotline.v1.Department" };

        var response = (await ReflectionTestClient.AskV1Async(Handler, request.Clone())).Single();

        Assert.Equal("hotline.civic.local:5001", response.ValidHost);
        Assert.Equal(request, response.OriginalRequest);
    }

    [Fact]
    public async Task FileContainingSymbol_ReturnedFiles_RebuildIntoWorkingDescriptors()
    {
        var responses = await ReflectionTestClient.AskV1Async(
            Handler,
            new V1.ServerReflectionRequest { FileContainingSymbol = "civic.hotline.v1.HotlineService" },
            new V1.ServerReflectionRequest { FileContainingSymbol = "civic.panel.v1.PanelService" },
            new V1.ServerReflectionRequest { FileContainingSymbol = "grpc.health.v1.Health" });

        var rebuilt = ReflectionTestClient.Rebuild(responses.SelectMany(r => r.FileDescriptorResponse.FileDescriptorProto))
            .ToDictionary(f => f.Name, StringComparer.Ordinal);

        Assert.Equal([CommonFile, HotlineFile, PanelFile, TimestampFile, HealthFile], rebuilt.Keys.Order(StringComparer.Ordinal));
        var listDepartments = rebuilt[HotlineFile].FindTypeByName<Google.Protobuf.Reflection.ServiceDescriptor>("HotlineService")
            .FindMethodByName("ListDepartments");
        Assert.Equal("civic.hotline.v1.ListDepartmentsRequest", listDepartments.InputType.FullName);
        Assert.Equal("google.protobuf.Timestamp", rebuilt[HotlineFile].FindTypeByName<Google.Protobuf.Reflection.MessageDescriptor>("Department")
            .FindFieldByName("created_at").MessageType.FullName);
        Assert.Equal(
            HotlineReflection.Descriptor.SerializedData,
            responses[0].FileDescriptorResponse.FileDescriptorProto[0]);
    }

    [Fact]
    public async Task ServerReflectionInfo_V1Alpha_AnswersExactlyAsV1()
    {
        V1.ServerReflectionRequest[] requests =
        [
            new() { Host = "localhost", ListServices = "" },
            new() { FileByFilename = HotlineFile },
            new() { FileContainingSymbol = "civic.panel.v1.PanelService" },
            new() { FileContainingSymbol = "civic.hotline.v1.NoSuchThing" },
            new() { AllExtensionNumbersOfType = "civic.hotline.v1.Department" },
            new() { FileContainingExtension = new V1.ExtensionRequest { ContainingType = "civic.hotline.v1.Department", ExtensionNumber = 7 } },
        ];
        var alphaRequests = requests.Select(r => V1Alpha.ServerReflectionRequest.Parser.ParseFrom(r.ToByteString())).ToArray();

        var v1 = await ReflectionTestClient.AskV1Async(Handler, requests);
        var alpha = await ReflectionTestClient.AskV1AlphaAsync(Handler, alphaRequests);

        Assert.Equal(requests.Length, alpha.Count);
        Assert.Equal(v1.Select(r => r.ToByteString()), alpha.Select(r => r.ToByteString()));
        Assert.Equal(V1Alpha.ServerReflectionResponse.MessageResponseOneofCase.ListServicesResponse, alpha[0].MessageResponseCase);
        Assert.Equal(V1Alpha.ServerReflectionResponse.MessageResponseOneofCase.ErrorResponse, alpha[3].MessageResponseCase);
    }

    [Fact]
    public void ReflectionDescriptorIndex_ServedServices_CoverEveryTransitiveImport()
    {
        var index = new ReflectionDescriptorIndex([HotlineReflection.Descriptor.Services[0]]);

        Assert.NotNull(index.FindFile(HotlineFile));
        Assert.NotNull(index.FindFile(CommonFile));
        Assert.NotNull(index.FindFile(TimestampFile));
        Assert.Null(index.FindFile(PanelFile));
        Assert.Equal(["civic.hotline.v1.HotlineService"], index.ServiceNames);
    }
}
