using System.Net;
using Civic.Gateway.Identity;
using Civic.Gateway.Tests.Infrastructure;
using Microsoft.Net.Http.Headers;

namespace Civic.Gateway.Tests.Hosting;

/// <summary>
/// Two gateway replicas share one Data Protection key ring, so a form served by one is accepted by the
/// other (anti-forgery tokens are protected with the key ring): through Redis, or through a shared folder.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class DataProtectionTests(CivicCluster cluster) : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "civic-gateway-keys", Guid.NewGuid().ToString("N"));

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LogInForm_FromOneReplicaPostedToAnother_AcceptedWithKeysInRedis()
    {
        var (host, port) = TestRedis.Endpoint();
        await using var first = cluster.StartGateway(TestRedis.Settings(host, port));
        await using var second = cluster.StartGateway(TestRedis.Settings(host, port));

        var status = await PostFormAcrossAsync(first, second);

        Assert.Equal(HttpStatusCode.Redirect, status);
    }

    [Fact]
    public async Task LogInForm_FromOneReplicaPostedToAnother_AcceptedWithKeysInASharedFolder()
    {
        await using var first = cluster.StartGateway(KeysIn(Path.Combine(_folder, "shared")));
        await using var second = cluster.StartGateway(KeysIn(Path.Combine(_folder, "shared")));
        await using var stranger = cluster.StartGateway(KeysIn(Path.Combine(_folder, "other")));

        var shared = await PostFormAcrossAsync(first, second);
        var notShared = await PostFormAcrossAsync(first, stranger);

        Assert.Equal(HttpStatusCode.Redirect, shared);
        // What every form did with a key ring per process.
        Assert.Equal(HttpStatusCode.BadRequest, notShared);
    }

    [Fact]
    public void Start_RedisAndKeysDirectory_RefusesNamingBoth()
    {
        var settings = TestRedis.Settings("127.0.0.1", "1");
        settings["Gateway:DataProtection:KeysDirectory"] = _folder;

        var exception = Assert.ThrowsAny<Exception>(() => cluster.StartGateway(settings));

        Assert.Contains("Gateway:DataProtection:KeysDirectory", exception.ToString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>Gets the login form (its anti-forgery cookie and token) from <paramref name="from"/> and posts it to <paramref name="to"/>.</summary>
    private static async Task<HttpStatusCode> PostFormAcrossAsync(AppHost<DevelopmentLogin> from, AppHost<DevelopmentLogin> to)
    {
        using var handler = new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false };
        using var client = new HttpClient(handler);
        using var page = await client.GetAsync(new Uri(from.Addresses[0], "/log-ind"), Cancel);
        var (token, cookie) = await AntiforgeryForm.ReadAsync(page, Cancel);
        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri(to.Addresses[0], "/log-ind"))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["UserId"] = "demo-borger",
                [AntiforgeryForm.Field] = token,
            }),
        };
        post.Headers.Add(HeaderNames.Cookie, cookie);
        using var response = await client.SendAsync(post, Cancel);
        return response.StatusCode;
    }

    private static Dictionary<string, string?> KeysIn(string folder) => new() { ["Gateway:DataProtection:KeysDirectory"] = folder };
}
