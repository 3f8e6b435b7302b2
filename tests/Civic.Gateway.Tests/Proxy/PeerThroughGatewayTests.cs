using System.Collections.Concurrent;
using System.Text.Json;
using Civic.Gateway.Tests.Infrastructure;
using Civic.Defaults.Auth;
using Civic.Testing;

namespace Civic.Gateway.Tests.Proxy;

/// <summary>
/// Independent gRPC clients (Python grpcio, Node grpc-js) run the same cases once against the services
/// directly and once through the gateway's h2c port: statuses, messages, rich error details,
/// application metadata in headers and trailers, deadlines and streams must come out the same.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class PeerThroughGatewayTests(CivicCluster cluster)
{
    private static readonly ConcurrentDictionary<string, Task<(IReadOnlyDictionary<string, JsonElement> Direct, IReadOnlyDictionary<string, JsonElement> Gateway)>> Runs = new();

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var peer in new[] { PeerProgram.Grpcio.Name, PeerProgram.GrpcJs.Name })
        {
            foreach (var name in new[]
            {
                "get_department", "list_departments", "get_department_not_found", "create_department_invalid",
                "create_department_unauthenticated", "create_department_forbidden", "create_department_ok", "get_case_as_staff",
                "search_anonymous", "invalid_token", "deadline_propagated", "deadline_exceeded", "metadata_round_trip",
                "error_with_details", "server_streaming", "bidi_ping_pong",
            })
            {
                data.Add(peer, name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Case_ThroughGateway_SameAsDirect(string peerName, string caseName)
    {
        var peer = peerName == PeerProgram.Grpcio.Name ? PeerProgram.Grpcio : PeerProgram.GrpcJs;
        if (await peer.FindProblemAsync() is { } problem)
        {
            ExternalTool.Unavailable(problem);
        }

        var (direct, gateway) = await Runs.GetOrAdd(peer.Name, _ => RunBothAsync(peer));
        var viaDirect = Case(direct, caseName, "directly");
        var viaGateway = Case(gateway, caseName, "through the gateway");

        Assert.True(JsonEquals(viaDirect, viaGateway), $"{peer.Name} saw '{caseName}' differently through the gateway.\ndirect:  {viaDirect}\ngateway: {viaGateway}");
        AssertExpected(caseName, viaGateway);
    }

    private static void AssertExpected(string caseName, JsonElement result)
    {
        var code = result.GetProperty("code").GetInt32();
        var expectedCode = caseName switch
        {
            "get_department_not_found" => 5,
            "create_department_invalid" => 3,
            "create_department_unauthenticated" or "invalid_token" => 16,
            "create_department_forbidden" => 7,
            "deadline_exceeded" => 4,
            "error_with_details" => 3,
            "server_streaming" => 9,
            _ => 0,
        };
        Assert.True(code == expectedCode, $"'{caseName}' ended with {code}, expected {expectedCode}: {result}");
        switch (caseName)
        {
            case "get_department_not_found":
                Assert.Equal("ERROR_REASON_NOT_FOUND", result.GetProperty("status_details").GetProperty("reason").GetString());
                Assert.Equal("da-DK", result.GetProperty("status_details").GetProperty("localized")[0].GetString());
                break;
            case "create_department_invalid":
                Assert.Equal(["code", "name.da", "director_name"],
                    result.GetProperty("status_details").GetProperty("violations").EnumerateArray().Select(v => v[0].GetString()));
                break;
            case "create_department_forbidden":
                Assert.Equal("ERROR_REASON_NOT_ALLOWED", result.GetProperty("status_details").GetProperty("reason").GetString());
                break;
            case "create_department_ok":
                Assert.True(result.GetProperty("response").GetProperty("code_matches").GetBoolean());
                break;
            case "deadline_propagated":
                Assert.True(result.GetProperty("deadline_within_budget").GetBoolean(), $"The service did not see the client's deadline: {result}");
                break;
            case "metadata_round_trip":
                var metadata = result.GetProperty("metadata").EnumerateArray().Select(e => $"{e[0].GetString()}={e[1].GetString()}").ToList();
                Assert.Contains("x-echo-text=hej verden", metadata);
                Assert.Contains("x-echo-bin-bin=AAEC/f7/", metadata);
                Assert.True(metadata.Count(m => m.StartsWith("x-echo-text=", StringComparison.Ordinal)) >= 2, "Echoed in headers and in trailers.");
                break;
            case "error_with_details":
                Assert.Equal("Æblet må ikke være tomt", result.GetProperty("details").GetString());
                Assert.Equal("navn", result.GetProperty("status_details").GetProperty("violations")[0][0].GetString());
                Assert.Contains(result.GetProperty("metadata").EnumerateArray(), e => e[0].GetString() == "x-echo-text");
                break;
            case "server_streaming":
                Assert.Equal([1, 10, 100, 70000, 3], result.GetProperty("messages").EnumerateArray().Select(m => m[1].GetInt32()));
                Assert.Equal("Sagen er lukket", result.GetProperty("details").GetString());
                break;
            case "bidi_ping_pong":
                Assert.True(result.GetProperty("payloads_match").GetBoolean());
                break;
            case "search_anonymous":
                Assert.Contains(CivicCluster.DemoPublicPersonId, result.GetProperty("response").EnumerateArray().Select(e => e.GetString()));
                Assert.DoesNotContain(CivicCluster.DemoInternalPersonId, result.GetProperty("response").EnumerateArray().Select(e => e.GetString()));
                break;
        }
    }

    private async Task<(IReadOnlyDictionary<string, JsonElement>, IReadOnlyDictionary<string, JsonElement>)> RunBothAsync(PeerProgram peer)
    {
        var gateway = cluster.GatewayGrpc.Authority;
        var direct = await peer.RunAsync(Arguments(cluster.Hotline.Addresses[0].Authority, cluster.Panel.Addresses[0].Authority,
            cluster.Network.Addresses[0].Authority, cluster.Testing.Http2Address.Authority, $"{peer.Name}-direct-{Guid.NewGuid().ToString("N")[..6]}"));
        var through = await peer.RunAsync(Arguments(gateway, gateway, gateway, gateway, $"{peer.Name}-gateway-{Guid.NewGuid().ToString("N")[..6]}"));
        return (direct, through);
    }

    private List<string> Arguments(string hotline, string panel, string network, string testing, string suffix) =>
    [
        "--hotline", hotline, "--panel", panel, "--network", network, "--testing", testing,
        "--admin-token", cluster.TokenFor(CivicRoles.Admin), "--staff-token", cluster.TokenFor(CivicRoles.Staff),
        "--citizen-token", cluster.TokenFor(CivicRoles.Citizen), "--suffix", suffix,
        "--case-id", CivicCluster.DemoCaseId, "--department-id", CivicCluster.DemoDepartmentId,
    ];

    private static JsonElement Case(IReadOnlyDictionary<string, JsonElement> report, string name, string how)
    {
        Assert.True(report.TryGetValue(name, out var result), $"The peer reported nothing for '{name}' {how}.");
        Assert.False(result.TryGetProperty("harness_error", out var error), $"The peer broke in '{name}' {how}: {error}");
        return result;
    }

    private static bool JsonEquals(JsonElement a, JsonElement b) => JsonElement.DeepEquals(a, b);
}
