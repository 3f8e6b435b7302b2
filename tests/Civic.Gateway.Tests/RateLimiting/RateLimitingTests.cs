using System.Net;
using Civic.Contracts.Hotline.V1;
using Civic.Gateway.RateLimiting;
using Civic.Gateway.Redis;
using Civic.Gateway.Tests.Infrastructure;
using Civic.Defaults.Auth;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Civic.Gateway.Tests.RateLimiting;

/// <summary>The gateway's rate limits on real servers: in process, shared through Redis, and with Redis down.</summary>
[Collection(ClusterCollection.Name)]
public sealed class RateLimitingTests(CivicCluster cluster)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Request_OverAnonymousLimitInProcess_429WithRetryAfterForApiAndPage()
    {
        await using var gateway = cluster.StartGateway(Limits("Anonymous", 3));
        using var client = new HttpClient { BaseAddress = gateway.Addresses[0] };

        var allowed = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await client.GetAsync("/api/v1/hotline/departments", Cancel);
            allowed.Add(response.StatusCode);
        }

        using var api = await client.GetAsync("/api/v1/hotline/departments", Cancel);
        using var page = await client.GetAsync("/", Cancel);

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, allowed);
        Assert.Equal(HttpStatusCode.TooManyRequests, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        // What is left of the caller's window: never more than the window, never zero (exact values: InProcessRateLimitsTests).
        Assert.InRange(api.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));
        Assert.Contains("\"status\":429", await api.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        Assert.NotNull(page.Headers.RetryAfter);
        Assert.Contains("For mange forespørgsler", await page.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaticFiles_OverAnonymousLimit_ServedAndNotCounted()
    {
        await using var gateway = cluster.StartGateway(Limits("Anonymous", 1));
        using var client = new HttpClient { BaseAddress = gateway.Addresses[0] };

        var styles = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await client.GetAsync("/css/site.css", Cancel);
            styles.Add(response.StatusCode);
        }

        using var firstPage = await client.GetAsync("/", Cancel);
        using var secondPage = await client.GetAsync("/", Cancel);

        Assert.All(styles, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(HttpStatusCode.OK, firstPage.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, secondPage.StatusCode);
    }

    [Fact]
    public async Task Request_AuthenticatedCaller_CountedPerIdentityNotPerAddress()
    {
        var settings = Limits("Anonymous", 1);
        settings["RateLimiting:Authenticated:PermitLimit"] = "2";
        await using var gateway = cluster.StartGateway(settings);
        using var client = new HttpClient { BaseAddress = gateway.Addresses[0] };
        var citizen = cluster.TokenFor(CivicRoles.Citizen);
        var admin = cluster.TokenFor(CivicRoles.Admin);

        var statuses = new List<HttpStatusCode>();
        foreach (var token in new[] { citizen, citizen, admin, admin, citizen })
        {
            using var response = await client.SendAsync(CivicCluster.Request(HttpMethod.Get, "/api/v1/hotline/departments", token), Cancel);
            statuses.Add(response.StatusCode);
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(4));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[4]);
    }

    [Fact]
    public async Task GrpcCreate_OverCreateLimit_ResourceExhaustedWithRetryAfter()
    {
        await using var gateway = cluster.StartGateway(Limits("Create", 1));
        using var channel = GrpcChannel.ForAddress(gateway.Addresses[1]);
        var client = new DepartmentService.DepartmentServiceClient(channel);
        var options = new CallOptions(deadline: TimeProvider.System.GetUtcNow().UtcDateTime + TimeSpan.FromSeconds(10), cancellationToken: Cancel);

        // The first call reaches the service (which refuses the anonymous caller); only the second is over the limit.
        var first = await Assert.ThrowsAsync<RpcException>(async () => await client.CreateDepartmentAsync(new CreateDepartmentRequest(), options));
        var second = await Assert.ThrowsAsync<RpcException>(async () => await client.CreateDepartmentAsync(new CreateDepartmentRequest(), options));

        Assert.NotEqual(StatusCode.ResourceExhausted, first.StatusCode);
        Assert.Equal(StatusCode.ResourceExhausted, second.StatusCode);
        Assert.Equal(RateLimitRejections.Message, second.Status.Detail);
        Assert.True(int.Parse(second.Trailers.GetValue("retry-after")!, System.Globalization.CultureInfo.InvariantCulture) >= 1);
    }

    [Fact]
    public async Task PanelSignUp_OverCreateLimit_RefusedOnGrpcApiAndWebForm()
    {
        await using var gateway = cluster.StartGateway(Limits("Create", 1));
        using var channel = GrpcChannel.ForAddress(gateway.Addresses[1]);
        using var http = new HttpClient { BaseAddress = gateway.Addresses[0] };
        var pool = new Civic.Contracts.Panel.V1.PoolService.PoolServiceClient(channel);
        var options = new CallOptions(deadline: TimeProvider.System.GetUtcNow().UtcDateTime + TimeSpan.FromSeconds(10), cancellationToken: Cancel);

        // The first (empty, so nothing is stored) sign-up reaches the service; after it the caller's create budget is spent.
        var first = await Assert.ThrowsAsync<RpcException>(async () => await pool.SignUpAsync(new(), options));
        var second = await Assert.ThrowsAsync<RpcException>(async () => await pool.ConfirmSignUpAsync(new(), options));
        using var api = await http.PostAsync("/api/v1/panel/members:sign-up", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"), Cancel);
        using var form = await http.PostAsync("/borgerpanelet/tilmeld", new FormUrlEncodedContent([]), Cancel);
        using var formPage = await http.GetAsync("/borgerpanelet/tilmeld", Cancel);

        Assert.Equal(StatusCode.InvalidArgument, first.StatusCode);
        Assert.Equal(StatusCode.ResourceExhausted, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, api.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, form.StatusCode);
        // Reading the form is not a sign-up: counted by the anonymous limit, not the create limit.
        Assert.Equal(HttpStatusCode.OK, formPage.StatusCode);
    }

    [Fact]
    public async Task GrpcCall_WithValidToken_CountedPerIdentityAndInvalidTokenPerAddress()
    {
        var settings = Limits("Anonymous", 1);
        settings["RateLimiting:Authenticated:PermitLimit"] = "2";
        await using var gateway = cluster.StartGateway(settings);
        using var channel = GrpcChannel.ForAddress(gateway.Addresses[1]);
        var client = new DepartmentService.DepartmentServiceClient(channel);
        var citizen = cluster.TokenFor(CivicRoles.Citizen);
        var admin = cluster.TokenFor(CivicRoles.Admin);

        // gRPC takes no detour around the gateway's authentication: a valid token's "sub" is the partition,
        // and made-up tokens all share the caller's address.
        var outcomes = new List<StatusCode>();
        foreach (var token in new[] { citizen, citizen, admin, admin, citizen, "not-a-token", "another-made-up-token" })
        {
            outcomes.Add(await ListDepartmentsOutcomeAsync(client, token));
        }

        Assert.Equal(
            [StatusCode.OK, StatusCode.OK, StatusCode.OK, StatusCode.OK, StatusCode.ResourceExhausted, StatusCode.Unauthenticated, StatusCode.ResourceExhausted],
            outcomes);
    }

    private static async Task<StatusCode> ListDepartmentsOutcomeAsync(DepartmentService.DepartmentServiceClient client, string token)
    {
        var options = new CallOptions(
            new Metadata { { "authorization", $"Bearer {token}" } },
            TimeProvider.System.GetUtcNow().UtcDateTime + TimeSpan.FromSeconds(10),
            Cancel);
        try
        {
            await client.ListDepartmentsAsync(new ListDepartmentsRequest(), options);
            return StatusCode.OK;
        }
        catch (RpcException exception)
        {
            return exception.StatusCode;
        }
    }

    [Fact]
    public async Task Request_TwoGatewaysOnOneRedis_ShareOneLimit()
    {
        var (host, port) = TestRedis.Endpoint();
        var settings = RedisLimits(host, port, 5);
        await using var first = cluster.StartGateway(settings);
        await using var second = cluster.StartGateway(settings);
        using var firstClient = new HttpClient { BaseAddress = first.Addresses[0] };
        using var secondClient = new HttpClient { BaseAddress = second.Addresses[0] };

        var allowed = 0;
        for (var i = 0; i < 12; i++)
        {
            using var response = await (i % 2 == 0 ? firstClient : secondClient).GetAsync("/api/v1/hotline/departments", Cancel);
            allowed += response.StatusCode == HttpStatusCode.TooManyRequests ? 0 : 1;
        }

        Assert.Equal(5, allowed);
        Assert.False(first.Services.GetRequiredService<GatewayRateLimiter>().FallingBack);
    }

    [Fact]
    public async Task Request_RedisDown_ServedWithInProcessLimitsAndReadinessDegraded()
    {
        await using var gateway = cluster.StartGateway(RedisLimits("127.0.0.1", "1", 2));
        using var client = new HttpClient { BaseAddress = gateway.Addresses[0] };

        using var served = await client.GetAsync("/api/v1/hotline/departments", Cancel);
        using var alsoServed = await client.GetAsync("/api/v1/hotline/departments", Cancel);
        using var limited = await client.GetAsync("/api/v1/hotline/departments", Cancel);
        using var liveness = await client.GetAsync("/healthz", Cancel);
        using var readiness = await client.GetAsync("/readyz", Cancel);
        var report = await gateway.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(Cancel);

        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(HttpStatusCode.OK, alsoServed.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("Healthy", await liveness.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(HttpStatusCode.OK, readiness.StatusCode);
        Assert.Equal("Degraded", await readiness.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(HealthStatus.Degraded, report.Entries[RedisHealthCheck.Name].Status);
        Assert.Equal(RedisHealthCheck.DisconnectedDescription, report.Entries[RedisHealthCheck.Name].Description);
        Assert.Single(gateway.Logs.Entries, e => e.Message.StartsWith("Rate limiting falls back", StringComparison.Ordinal));
    }

    [Fact]
    public void StartGateway_ZeroPermitLimit_RefusesToStart()
    {
        var exception = Assert.ThrowsAny<Exception>(() => cluster.StartGateway(Limits("Login", 0)));

        Assert.Contains("PermitLimit", exception.ToString(), StringComparison.Ordinal);
    }

    internal static Dictionary<string, string?> Limits(string policy, int permitLimit) => new()
    {
        // Long windows: a window that ends mid-test would let more through than the limit.
        [$"RateLimiting:{policy}:PermitLimit"] = permitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [$"RateLimiting:{policy}:Window"] = "00:10:00",
    };

    private static Dictionary<string, string?> RedisLimits(string host, string port, int permitLimit)
    {
        var settings = Limits("Anonymous", permitLimit);
        settings["RateLimiting:RedisKeyPrefix"] = "civic-test:" + Guid.NewGuid().ToString("N");
        foreach (var (key, value) in TestRedis.Settings(host, port))
        {
            settings[key] = value;
        }

        return settings;
    }
}
