using System.Net;
using Civic.Gateway.Identity;
using Civic.Gateway.Tests.Infrastructure;
using Civic.Defaults.Auth;

namespace Civic.Gateway.Tests.Jobs;

/// <summary>Each service's Hangfire dashboard through the gateway: administrators only, signed in with the browser's cookie.</summary>
[Collection(ClusterCollection.Name)]
public sealed class JobsDashboardProxyTests(CivicCluster cluster) : IDisposable
{
    // Redirects and cookies as a test sees them: not followed, not stored.
    private readonly HttpClient _browser = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = cluster.GatewayWeb };

    [Theory]
    [InlineData("hotline")]
    [InlineData("panel")]
    [InlineData("network")]
    public async Task Get_AdministratorCookie_ServesTheServicesDashboard(string service)
    {
        using var response = await _browser.SendAsync(WithCookie($"/admin/jobs/{service}", CivicRoles.Admin), TestContext.Current.CancellationToken);

        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200, got {(int)response.StatusCode}: {body}");
        Assert.Contains($"Civic {service}: jobs", body, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_AdministratorBearerHeader_ServesTheDashboard()
    {
        using var request = CivicCluster.Request(HttpMethod.Get, "/admin/jobs/hotline/recurring", cluster.TokenFor(CivicRoles.Admin));

        using var response = await _browser.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Get_Anonymous_RedirectedToSignIn()
    {
        using var response = await _browser.GetAsync("/admin/jobs/panel", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/log-ind?returnUrl=%2Fadmin%2Fjobs%2Fpanel", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData(CivicRoles.Citizen)]
    [InlineData(CivicRoles.Staff)]
    [InlineData(CivicRoles.Director)]
    public async Task Get_SignedInWithoutAdminRole_Forbidden(string role)
    {
        using var response = await _browser.SendAsync(WithCookie("/admin/jobs/network", role), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Post_GrpcContentTypeWithoutAdminRole_StillForbidden()
    {
        // Only routes of gRPC calls take the gRPC fast path; a dashboard request dressed as gRPC is still a dashboard request.
        using var request = WithCookie("/admin/jobs/network", CivicRoles.Citizen);
        request.Method = HttpMethod.Post;
        request.Content = new ByteArrayContent([0, 0, 0, 0, 0]);
        request.Content.Headers.ContentType = new("application/grpc");

        using var response = await _browser.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task AdministrationPage_Administrator_LinksToEveryDashboardInDanish()
    {
        using var response = await _browser.SendAsync(WithCookie("/administration", CivicRoles.Admin), TestContext.Current.CancellationToken);

        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Baggrundsjob", body, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/admin/jobs/hotline\">Direktørlinjen</a>", body, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/admin/jobs/panel\">Borgerpanelet</a>", body, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/admin/jobs/network\">Ressourcenetværket</a>", body, StringComparison.Ordinal);
    }

    public void Dispose() => _browser.Dispose();

    private HttpRequestMessage WithCookie(string path, string role)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", $"{AccessTokenCookie.Name}={cluster.TokenFor(role)}");
        return request;
    }
}
