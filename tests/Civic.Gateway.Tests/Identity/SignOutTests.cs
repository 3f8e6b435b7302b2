using System.Net;
using Civic.Gateway.Identity;
using Civic.Gateway.Tests.Infrastructure;
using Civic.Defaults.Auth;
using Microsoft.Net.Http.Headers;

namespace Civic.Gateway.Tests.Identity;

/// <summary>Log-out clears the gateway's cookie and, when configured, goes on to the login proxy's sign-out.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SignOutTests(CivicCluster cluster)
{
    private const string ProxySignOut =
        "/oauth2/sign_out?rd=https%3A%2F%2Flogin.example.dk%2Frealms%2Fcivic%2Fprotocol%2Fopenid-connect%2Flogout%3Fclient_id%3Dcivic";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LogOut_SignOutUrlConfigured_ClearsCookieAndRedirectsToTheProxy()
    {
        await using var gateway = cluster.StartGateway(new Dictionary<string, string?> { ["Gateway:Identity:SignOutUrl"] = ProxySignOut });

        using var response = await LogOutAsync(gateway);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(ProxySignOut, response.Headers.Location?.OriginalString);
        AssertCookieCleared(response);
    }

    [Fact]
    public async Task LogOut_NoSignOutUrl_ClearsCookieAndReturnsToTheFrontPage()
    {
        using var response = await LogOutAsync(cluster.Gateway);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        AssertCookieCleared(response);
    }

    [Fact]
    public async Task Page_SignOutUrlConfigured_FormActionAllowsTheIdentityProvider()
    {
        await using var gateway = cluster.StartGateway(new Dictionary<string, string?> { ["Gateway:Identity:SignOutUrl"] = ProxySignOut });
        using var client = new HttpClient { BaseAddress = gateway.Addresses[0] };

        using var page = await client.GetAsync("/", Cancel);

        // Browsers check the log-out form's redirects against form-action: to the proxy (this site), then the provider.
        Assert.Contains("form-action 'self' https://login.example.dk;", page.Headers.GetValues(HeaderNames.ContentSecurityPolicy).Single(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://login.example.dk/logout")]
    [InlineData("//evil.example/oauth2/sign_out")]
    [InlineData("/\\evil.example")]
    [InlineData("javascript:alert(1)")]
    [InlineData("oauth2/sign_out")]
    public void Start_SignOutUrlNeitherALocalPathNorHttps_Refused(string signOutUrl)
    {
        var exception = Assert.ThrowsAny<Exception>(() =>
            cluster.StartGateway(new Dictionary<string, string?> { ["Gateway:Identity:SignOutUrl"] = signOutUrl }));

        Assert.Contains("Gateway:Identity:SignOutUrl", exception.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ProxySignOut, "https://login.example.dk")]
    [InlineData("https://sso.example.dk/oauth2/sign_out?rd=%2F", "https://sso.example.dk")]
    [InlineData("/oauth2/sign_out", null)]
    public void SignOutOrigins_OfTheUrlAndItsTarget(string signOutUrl, string? expected)
    {
        var origins = new GatewayIdentityOptions { SignOutUrl = signOutUrl }.SignOutOrigins();

        Assert.Equal(expected is null ? [] : [expected], origins);
    }

    /// <summary>Signs in with a token cookie, gets the log-out page with its form, and posts it.</summary>
    private async Task<HttpResponseMessage> LogOutAsync(AppHost<DevelopmentLogin> gateway)
    {
        using var handler = new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = gateway.Addresses[0] };
        var signedIn = $"{AccessTokenCookie.Name}={cluster.TokenFor(CivicRoles.Staff)}";
        using var get = new HttpRequestMessage(HttpMethod.Get, "/log-ud");
        get.Headers.Add(HeaderNames.Cookie, signedIn);
        using var page = await client.SendAsync(get, Cancel);
        var (token, antiforgery) = await AntiforgeryForm.ReadAsync(page, Cancel);
        using var post = new HttpRequestMessage(HttpMethod.Post, "/log-ud")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { [AntiforgeryForm.Field] = token }),
        };
        post.Headers.Add(HeaderNames.Cookie, $"{signedIn}; {antiforgery}");
        return await client.SendAsync(post, Cancel);
    }

    private static void AssertCookieCleared(HttpResponseMessage response)
    {
        var cleared = SetCookieHeaderValue.ParseList(response.Headers.GetValues(HeaderNames.SetCookie).ToList())
            .Single(cookie => cookie.Name == AccessTokenCookie.Name);
        Assert.Equal(string.Empty, cleared.Value.ToString());
        Assert.True(cleared.Expires < DateTimeOffset.UnixEpoch.AddDays(1));
    }
}
