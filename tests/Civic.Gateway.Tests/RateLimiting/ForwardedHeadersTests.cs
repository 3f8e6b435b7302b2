using System.Net;
using Civic.Gateway.Hosting;
using Civic.Gateway.Identity;
using Civic.Gateway.Tests.Infrastructure;
using Civic.Gateway.Ui.Security;

namespace Civic.Gateway.Tests.RateLimiting;

/// <summary>
/// Which address the rate limits count by when X-Forwarded-For arrives, on a real gateway whose peer (this
/// test) is 127.0.0.1: believed only from a trusted proxy, and then only as far as the trusted proxies go.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ForwardedHeadersTests(CivicCluster cluster)
{
    private const string Path = "/api/v1/hotline/departments";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Request_SpoofedForwardedForWithNoProxyTrusted_SamePartition()
    {
        await using var gateway = cluster.StartGateway(OneAnonymousRequest());

        var statuses = await SendAsync(gateway, "203.0.113.1", "203.0.113.2");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Request_SpoofedForwardedForFromPeerNotTrusted_SamePartition()
    {
        var settings = OneAnonymousRequest();
        settings[$"{GatewayForwardedHeadersOptions.SectionName}:KnownProxies:0"] = "192.0.2.10";
        settings[$"{GatewayForwardedHeadersOptions.SectionName}:KnownNetworks:0"] = "198.51.100.0/24";
        await using var gateway = cluster.StartGateway(settings);

        var statuses = await SendAsync(gateway, "203.0.113.1", "203.0.113.2");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Request_ForwardedForFromTrustedProxy_EachForwardedClientHasItsOwnLimit()
    {
        var settings = OneAnonymousRequest();
        settings[$"{GatewayForwardedHeadersOptions.SectionName}:KnownProxies:0"] = "127.0.0.1";
        await using var gateway = cluster.StartGateway(settings);

        var statuses = await SendAsync(gateway, "203.0.113.1", "203.0.113.2", "203.0.113.1", "203.0.113.2");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Request_ThroughTwoTrustedProxies_ClientIsFirstUntrustedAddressAndItsOwnEntriesIgnored()
    {
        var settings = OneAnonymousRequest();
        settings[$"{GatewayForwardedHeadersOptions.SectionName}:KnownNetworks:0"] = "127.0.0.0/8";
        await using var gateway = cluster.StartGateway(settings);

        // As ingress → oauth2-proxy → gateway: each proxy appends the address it saw; the leftmost entries are the client's own.
        var statuses = await SendAsync(gateway,
            "198.51.100.66, 203.0.113.1, 127.0.0.5",
            "198.51.100.77, 203.0.113.1, 127.0.0.6",
            "203.0.113.2, 127.0.0.5");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.OK], statuses);
    }

    [Fact]
    public async Task Page_ForwardedProtoHttps_HstsOnlyFromTrustedProxy()
    {
        await using var trusting = cluster.StartGateway(new Dictionary<string, string?>
        {
            [$"{GatewayForwardedHeadersOptions.SectionName}:KnownProxies:0"] = "127.0.0.1",
        });

        using var viaProxy = await SendAsync(trusting.Addresses[0], "/", "203.0.113.1", "https");
        using var direct = await SendAsync(cluster.GatewayWeb, "/", "203.0.113.1", "https");

        Assert.Equal(HttpStatusCode.OK, viaProxy.StatusCode);
        Assert.Equal(SecurityHeadersMiddleware.StrictTransportSecurity, string.Join(", ", viaProxy.Headers.GetValues("Strict-Transport-Security")));
        Assert.Equal(HttpStatusCode.OK, direct.StatusCode);
        Assert.False(direct.Headers.Contains("Strict-Transport-Security"));
    }

    [Theory]
    [InlineData("KnownNetworks", "10.244.0.0", "KnownNetworks '10.244.0.0'")]
    [InlineData("KnownProxies", "10.244.0.0/16", "KnownProxies '10.244.0.0/16'")]
    public void StartGateway_MalformedTrustedProxy_RefusesToStartNamingIt(string key, string value, string expected)
    {
        var exception = Assert.ThrowsAny<Exception>(() => cluster.StartGateway(new Dictionary<string, string?>
        {
            [$"{GatewayForwardedHeadersOptions.SectionName}:{key}:0"] = value,
        }));

        Assert.Contains(expected, exception.ToString(), StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> OneAnonymousRequest() => RateLimitingTests.Limits("Anonymous", 1);

    private static async Task<List<HttpStatusCode>> SendAsync(AppHost<DevelopmentLogin> gateway, params string[] forwardedFor)
    {
        var statuses = new List<HttpStatusCode>();
        foreach (var value in forwardedFor)
        {
            using var response = await SendAsync(gateway.Addresses[0], Path, value, proto: null);
            statuses.Add(response.StatusCode);
        }

        return statuses;
    }

    private static async Task<HttpResponseMessage> SendAsync(Uri gateway, string path, string forwardedFor, string? proto)
    {
        using var client = new HttpClient { BaseAddress = gateway };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        if (proto is not null)
        {
            request.Headers.Add("X-Forwarded-Proto", proto);
        }

        return await client.SendAsync(request, Cancel);
    }
}
