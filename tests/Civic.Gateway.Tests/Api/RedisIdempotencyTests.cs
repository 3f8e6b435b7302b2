using System.Net;
using System.Security.Cryptography;
using System.Text;
using Civic.Gateway.Api.Idempotency;
using Civic.Gateway.Tests.Infrastructure;
using Civic.Defaults.Auth;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Civic.Gateway.Tests.Api;

/// <summary>Idempotency-Key shared by two gateway replicas through Redis, encrypted there, and kept working when Redis is down.</summary>
[Collection(ClusterCollection.Name)]
public sealed class RedisIdempotencyTests(CivicCluster cluster)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateDepartment_RetriedOnAnotherReplica_ReplayedFromRedis()
    {
        var (host, port) = TestRedis.Endpoint();
        await using var first = cluster.StartGateway(RedisSettings(host, port));
        await using var second = cluster.StartGateway(RedisSettings(host, port));
        using var firstClient = new HttpClient { BaseAddress = first.Addresses[0] };
        using var secondClient = new HttpClient { BaseAddress = second.Addresses[0] };
        var key = Guid.NewGuid().ToString();
        var body = Department("redis", "Rie Dis");

        using var created = await firstClient.SendAsync(Post(body, key), Cancel);
        using var replayed = await secondClient.SendAsync(Post(body, key), Cancel);
        using var reused = await secondClient.SendAsync(Post(body.Replace("Rie Dis", "Anden", StringComparison.Ordinal), key), Cancel);

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.Equal("true", replayed.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(await created.Content.ReadAsStringAsync(Cancel), await replayed.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
    }

    [Fact]
    public async Task CreateDepartment_StoredResponse_NotInPlainTextInRedis()
    {
        var (host, port) = TestRedis.Endpoint();
        await using var gateway = cluster.StartGateway(RedisSettings(host, port));
        using var client = new HttpClient { BaseAddress = gateway.Addresses[0] };
        var director = "Hemmelig " + Guid.NewGuid().ToString("N")[..8];

        using var created = await client.SendAsync(Post(Department("krypteret", director), Guid.NewGuid().ToString()), Cancel);
        await using var redis = await ConnectionMultiplexer.ConnectAsync($"{host}:{port}");
        var database = redis.GetDatabase();
        var stored = new List<byte[]>();
        await foreach (var key in redis.GetServer(host, int.Parse(port, System.Globalization.CultureInfo.InvariantCulture)).KeysAsync(pattern: "idempotency:*"))
        {
            if ((byte[]?)await database.StringGetAsync(key) is { } value)
            {
                stored.Add(value);
            }
        }

        var protector = gateway.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(RedisIdempotencyStore.ProtectorPurpose);
        var responseBody = await created.Content.ReadAsByteArrayAsync(Cancel);
        var bodyAsStored = Convert.ToBase64String(responseBody);

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Contains(director, Encoding.UTF8.GetString(responseBody), StringComparison.Ordinal);
        // This response's record, found by decrypting it with the gateway's key ring, holds neither the
        // name nor the body as a plain record would (JSON, the body in base64).
        var record = Encoding.Latin1.GetString(Assert.Single(stored, value => Decrypt(protector, value)?.Contains(bodyAsStored, StringComparison.Ordinal) == true));
        Assert.DoesNotContain(director, record, StringComparison.Ordinal);
        Assert.DoesNotContain(bodyAsStored, record, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateDepartment_RedisDown_StillIdempotentOnThisReplica()
    {
        await using var gateway = cluster.StartGateway(RedisSettings("127.0.0.1", "1"));
        using var client = new HttpClient { BaseAddress = gateway.Addresses[0] };
        var key = Guid.NewGuid().ToString();
        var body = Department("uden-redis", "Ned Nede");

        using var created = await client.SendAsync(Post(body, key), Cancel);
        using var replayed = await client.SendAsync(Post(body, key), Cancel);

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.True(replayed.Headers.Contains("Idempotent-Replayed"));
    }

    [Fact]
    public void Start_RedisStoreWithoutRedis_RefusesNamingTheSettings()
    {
        var exception = Assert.ThrowsAny<Exception>(() =>
            cluster.StartGateway(new Dictionary<string, string?> { ["Gateway:Api:IdempotencyStore"] = "Redis" }));

        Assert.Contains("Redis:Host", exception.ToString(), StringComparison.Ordinal);
    }

    private static string Department(string code, string director) =>
        $$"""{"code":"{{code}}-{{Guid.NewGuid().ToString("N")[..8]}}","name":{"da":"Redis","en":"Redis"},"directorName":"{{director}}"}""";

    private static string? Decrypt(IDataProtector protector, byte[] value)
    {
        try
        {
            return Encoding.UTF8.GetString(protector.Unprotect(value));
        }
        catch (CryptographicException)
        {
            // Another key ring's record (an earlier run on the same Redis).
            return null;
        }
    }

    private HttpRequestMessage Post(string body, string key)
    {
        var request = CivicCluster.Request(HttpMethod.Post, "/api/v1/hotline/departments", cluster.TokenFor(CivicRoles.Admin), body);
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    private static Dictionary<string, string?> RedisSettings(string host, string port)
    {
        var settings = TestRedis.Settings(host, port);
        settings["Gateway:Api:IdempotencyStore"] = "Redis";
        return settings;
    }
}
