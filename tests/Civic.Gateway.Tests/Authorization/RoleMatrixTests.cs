using Civic.Contracts.Common.V1;
using Civic.Contracts.Hotline.V1;
using Civic.Contracts.Network.V1;
using Civic.Contracts.Panel.V1;
using Civic.Gateway.Tests.Infrastructure;
using Civic.Defaults.Auth;
using Civic.Rpc;
using Civic.Rpc.Client;
using Civic.Rpc.Server;
using Google.Protobuf;
using Grpc.Health.V1;
using Microsoft.Extensions.DependencyInjection;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace Civic.Gateway.Tests.Authorization;

/// <summary>
/// Every RPC of every served service, called by an anonymous caller and by each role, directly and
/// through the gateway, against the real services. One explicit table says what must happen; any
/// unexpected allow or deny fails, and so does an RPC the table does not know (a new RPC must be
/// added here, with its rule, before it can ship).
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RoleMatrixTests(CivicCluster cluster)
{
    /// <summary>The columns of the table: no token, then each role.</summary>
    private static readonly string?[] Callers = [null, .. CivicRoles.All];

    // A = allowed (the call succeeds), U = UNAUTHENTICATED, D = PERMISSION_DENIED.
    // Columns:                                                      anon citizen panel staff coord dir admin
    private static readonly Dictionary<string, string> Expected = new(StringComparer.Ordinal)
    {
        ["/civic.hotline.v1.HotlineService/ListDepartments"] =        "A    A       A     A     A     A   A",
        ["/civic.hotline.v1.HotlineService/GetDepartment"] =          "A    A       A     A     A     A   A",
        ["/civic.hotline.v1.HotlineService/CreateDepartment"] =       "U    D       D     D     D     D   A",
        ["/civic.panel.v1.PanelService/CreateCase"] =                 "U    D       D     A     A     A   A",
        ["/civic.panel.v1.PanelService/GetCase"] =                    "U    D       D     A     A     A   A",
        ["/civic.panel.v1.PanelService/ListCases"] =                  "U    D       D     A     A     A   A",
        ["/civic.network.v1.NetworkService/CreateResourcePerson"] =   "U    D       D     A     A     A   A",
        ["/civic.network.v1.NetworkService/GetResourcePerson"] =      "A    A       A     A     A     A   A",
        ["/civic.network.v1.NetworkService/SearchResourcePersons"] =  "A    A       A     A     A     A   A",
        ["/grpc.health.v1.Health/Check"] =                            "A    A       A     A     A     A   A",
        ["/grpc.health.v1.Health/List"] =                             "A    A       A     A     A     A   A",
        ["/grpc.health.v1.Health/Watch"] =                            "A    A       A     A     A     A   A",
        ["/grpc.reflection.v1.ServerReflection/ServerReflectionInfo"] = "A    A       A     A     A     A   A",
        ["/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo"] = "A  A       A     A     A     A   A",
    };

    public enum Route
    {
        Direct,
        ThroughGateway,
    }

    [Theory]
    [InlineData(Route.Direct)]
    [InlineData(Route.ThroughGateway)]
    public async Task EveryRpc_EveryCaller_ExactlyAsTheTableSays(Route route)
    {
        var served = new List<(string Path, Uri Address)>();
        foreach (var (services, address) in new[]
        {
            (cluster.Hotline.Services, cluster.Hotline.Addresses[0]),
            (cluster.Panel.Services, cluster.Panel.Addresses[0]),
            (cluster.Network.Services, cluster.Network.Addresses[0]),
        })
        {
            foreach (var service in services.GetRequiredService<RpcServiceRegistry>().Services)
            {
                served.AddRange(service.Methods.Select(m => ($"/{service.FullName}/{m.Name}", address)));
            }
        }

        var unknown = served.Select(s => s.Path).Where(p => !Expected.ContainsKey(p)).Distinct().ToList();
        var gone = Expected.Keys.Where(p => served.All(s => s.Path != p)).ToList();
        Assert.True(unknown.Count == 0, $"RPCs missing from the table (add them with their rule): {string.Join(", ", unknown)}");
        Assert.True(gone.Count == 0, $"RPCs in the table that no service serves: {string.Join(", ", gone)}");

        var mismatches = new List<string>();
        var calls = 0;
        foreach (var (path, address) in served)
        {
            // Health and reflection are each service's own; the gateway routes only the civic.* packages.
            if (route == Route.ThroughGateway && !path.StartsWith("/civic.", StringComparison.Ordinal))
            {
                continue;
            }

            using var channel = RpcChannel.ForAddress(route == Route.Direct ? address : cluster.GatewayGrpc,
                new RpcChannelOptions { Resilience = new RpcResilienceOptions { MaxRetryAttempts = 0, EnableCircuitBreaker = false } });
            var client = new RpcClient(channel);
            var expected = Expected[path].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var column = 0; column < Callers.Length; column++)
            {
                var caller = Callers[column];
                var outcome = await CallAsync(client, path, caller is null ? null : cluster.TokenFor(caller));
                calls++;
                if (outcome != expected[column])
                {
                    mismatches.Add($"{path} as {caller ?? "anonymous"}: expected {Describe(expected[column])}, got {Describe(outcome)}");
                }
            }
        }

        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {calls} calls broke the role matrix:\n" + string.Join('\n', mismatches));
        Assert.Equal((route == Route.Direct ? 3 * 5 + 9 : 9) * Callers.Length, calls);
    }

    private static string Describe(string outcome) => outcome switch
    {
        "A" => "allowed",
        "U" => "UNAUTHENTICATED",
        "D" => "PERMISSION_DENIED",
        _ => outcome,
    };

    private static async Task<string> CallAsync(RpcClient client, string path, string? token)
    {
        var headers = new Metadata();
        if (token is not null)
        {
            headers.Add("authorization", $"Bearer {token}");
        }

        var options = new CallOptions { Headers = headers, Deadline = TimeProvider.System.GetUtcNow().UtcDateTime.AddSeconds(10), CancellationToken = TestContext.Current.CancellationToken };
        try
        {
            await Calls[path](client, options);
            return "A";
        }
        catch (RpcException exception) when (exception.StatusCode is StatusCode.Unauthenticated or StatusCode.PermissionDenied)
        {
            return exception.StatusCode == StatusCode.Unauthenticated ? "U" : "D";
        }
        catch (RpcException exception)
        {
            return $"unexpected {exception.StatusCode}: {exception.Status.Detail}";
        }
    }

    private static readonly ServiceDescriptor Hotline = HotlineReflection.Descriptor.Services[0];
    private static readonly ServiceDescriptor Panel = PanelReflection.Descriptor.Services[0];
    private static readonly ServiceDescriptor Network = NetworkReflection.Descriptor.Services[0];
    private static readonly ServiceDescriptor Health = HealthReflection.Descriptor.Services[0];

    /// <summary>A valid request for each RPC, so an allowed call succeeds and a refused one is refused for its caller alone.</summary>
    private static readonly Dictionary<string, Func<RpcClient, CallOptions, Task>> Calls = new(StringComparer.Ordinal)
    {
        ["/civic.hotline.v1.HotlineService/ListDepartments"] = (c, o) => Unary<ListDepartmentsRequest, ListDepartmentsResponse>(c, Hotline, "ListDepartments", new(), o),
        ["/civic.hotline.v1.HotlineService/GetDepartment"] = (c, o) =>
            Unary<GetDepartmentRequest, GetDepartmentResponse>(c, Hotline, "GetDepartment", new() { Id = CivicCluster.DemoDepartmentId }, o),
        ["/civic.hotline.v1.HotlineService/CreateDepartment"] = (c, o) => Unary<CreateDepartmentRequest, CreateDepartmentResponse>(c, Hotline, "CreateDepartment", new()
        {
            Code = $"matrix-{Guid.NewGuid().ToString("N")[..8]}",
            Name = new LocalizedText { Da = "Matrix", En = "Matrix" },
            DirectorName = "Mads Matrix",
        }, o),
        ["/civic.panel.v1.PanelService/CreateCase"] = (c, o) => Unary<CreateCaseRequest, CreateCaseResponse>(c, Panel, "CreateCase", new()
        {
            Title = "Matrixsag",
            Summary = "En pseudonymiseret sag til rolletesten.",
            OwningDepartment = CivicCluster.StaffDepartment,
        }, o),
        ["/civic.panel.v1.PanelService/GetCase"] = (c, o) => Unary<GetCaseRequest, GetCaseResponse>(c, Panel, "GetCase", new() { Id = CivicCluster.DemoCaseId }, o),
        ["/civic.panel.v1.PanelService/ListCases"] = (c, o) => Unary<ListCasesRequest, ListCasesResponse>(c, Panel, "ListCases", new(), o),
        ["/civic.network.v1.NetworkService/CreateResourcePerson"] = (c, o) => Unary<CreateResourcePersonRequest, CreateResourcePersonResponse>(c, Network, "CreateResourcePerson", new()
        {
            DisplayName = "Rikke Rolle",
            Organisation = CivicCluster.StaffDepartment,
            Competences = { "facilitering" },
            CapacityHoursPerMonth = 4,
        }, o),
        ["/civic.network.v1.NetworkService/GetResourcePerson"] = (c, o) =>
            Unary<GetResourcePersonRequest, GetResourcePersonResponse>(c, Network, "GetResourcePerson", new() { Id = CivicCluster.DemoPublicPersonId }, o),
        ["/civic.network.v1.NetworkService/SearchResourcePersons"] = (c, o) =>
            Unary<SearchResourcePersonsRequest, SearchResourcePersonsResponse>(c, Network, "SearchResourcePersons", new() { Query = "facilitering" }, o),
        ["/grpc.health.v1.Health/Check"] = (c, o) => Unary<HealthCheckRequest, HealthCheckResponse>(c, Health, "Check", new(), o),
        ["/grpc.health.v1.Health/List"] = (c, o) => Unary<HealthListRequest, HealthListResponse>(c, Health, "List", new(), o),
        ["/grpc.health.v1.Health/Watch"] = WatchAsync,
        ["/grpc.reflection.v1.ServerReflection/ServerReflectionInfo"] = (c, o) => ReflectAsync<Grpc.Reflection.V1.ServerReflectionRequest, Grpc.Reflection.V1.ServerReflectionResponse>(
            c, Grpc.Reflection.V1.ReflectionReflection.Descriptor.Services[0], new() { ListServices = "*" }, o),
        ["/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo"] = (c, o) => ReflectAsync<Grpc.Reflection.V1Alpha.ServerReflectionRequest, Grpc.Reflection.V1Alpha.ServerReflectionResponse>(
            c, Grpc.Reflection.V1Alpha.ReflectionReflection.Descriptor.Services[0], new() { ListServices = "*" }, o),
    };

    private static Task<TResponse> Unary<TRequest, TResponse>(RpcClient client, ServiceDescriptor service, string method, TRequest request, CallOptions options)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse> =>
        client.UnaryAsync(RpcMethod.Create<TRequest, TResponse>(service.FindMethodByName(method)), request, options);

    private static async Task WatchAsync(RpcClient client, CallOptions options)
    {
        using var call = client.ServerStreaming(RpcMethod.Create<HealthCheckRequest, HealthCheckResponse>(Health.FindMethodByName("Watch")), new HealthCheckRequest(), options);
        Assert.True(await call.ResponseStream.MoveNext(options.CancellationToken));
    }

    private static async Task ReflectAsync<TRequest, TResponse>(RpcClient client, ServiceDescriptor service, TRequest request, CallOptions options)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        using var call = client.DuplexStreaming(RpcMethod.Create<TRequest, TResponse>(service.FindMethodByName("ServerReflectionInfo")), options);
        await call.RequestStream.WriteAsync(request, options.CancellationToken);
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(options.CancellationToken));
    }
}
