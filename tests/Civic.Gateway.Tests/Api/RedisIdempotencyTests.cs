using System.Net;
using Civic.Gateway.Tests.Infrastructure;
using Civic.Defaults.Auth;
using Civic.Testing;

namespace Civic.Gateway.Tests.Api;

/// <summary>Idempotency-Key shared by two gateway replicas through Redis, and kept working when Redis is down.</summary>
[Collection(ClusterCollection.Name)]
public sealed class RedisIdempotencyTests(CivicCluster cluster)
{
    public const string RedisVariable = "CIVIC_TEST_REDIS";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateDepartment_RetriedOnAnotherReplica_ReplayedFromRedis()
    {
        var (host, port) = Redis();
        await using var first = cluster.StartGateway(RedisSettings(host, port));
        await using var second = cluster.StartGateway(RedisSettings(host, port));
        using var firstClient = new HttpClient { BaseAddress = first.Addresses[0] };
        using var secondClient = new HttpClient { BaseAddress = second.Addresses[0] };
        var key = Guid.NewGuid().ToString();
        var body = $$"""{"code":"redis-{{Guid.NewGuid().ToString("N")[..8]}}","name":{"da":"Redis","en":"Redis"},"directorName":"Rie Dis"}""";

        using var created = await firstClient.SendAsync(Post(body, key), Cancel);
        using var replayed = await secondClient.SendAsync(Post(body, key), Cancel);
        using var reused = await secondClient.SendAsync(Post(body.Replace("Rie Dis", "Anden", StringComparison.Ordinal), key), Cancel);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Created, replayed.StatusCode);
        Assert.Equal("true", replayed.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(await created.Content.ReadAsStringAsync(Cancel), await replayed.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
    }

    [Fact]
    public async Task CreateDepartment_RedisDown_StillIdempotentOnThisReplica()
    {
        await using var gateway = cluster.StartGateway(RedisSettings("127.0.0.1", "1"));
        using var client = new HttpClient { BaseAddress = gateway.Addresses[0] };
        var key = Guid.NewGuid().ToString();
        var body = $$"""{"code":"uden-redis-{{Guid.NewGuid().ToString("N")[..6]}}","name":{"da":"Nede","en":"Down"},"directorName":"Ned Nede"}""";

        using var created = await client.SendAsync(Post(body, key), Cancel);
        using var replayed = await client.SendAsync(Post(body, key), Cancel);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Created, replayed.StatusCode);
        Assert.True(replayed.Headers.Contains("Idempotent-Replayed"));
    }

    private HttpRequestMessage Post(string body, string key)
    {
        var request = CivicCluster.Request(HttpMethod.Post, "/api/v1/hotline/departments", cluster.TokenFor(CivicRoles.Admin), body);
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    private static Dictionary<string, string?> RedisSettings(string host, string port) => new()
    {
        ["Gateway:Api:IdempotencyStore"] = "Redis",
        ["Redis:Host"] = host,
        ["Redis:Port"] = port,
        ["Redis:ConnectTimeout"] = "00:00:01",
        ["Redis:CommandTimeout"] = "00:00:01",
    };

    private static (string Host, string Port) Redis()
    {
        var endpoint = Environment.GetEnvironmentVariable(RedisVariable);
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            ExternalTool.Unavailable($"{RedisVariable} is not set (host:port of a redis-server for tests, e.g. 127.0.0.1:6390).");
        }

        var colon = endpoint!.LastIndexOf(':');
        return (endpoint[..colon], endpoint[(colon + 1)..]);
    }
}
