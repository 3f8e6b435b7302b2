using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Civic.Defaults.Auth;
using Civic.Hosting.Jobs;
using Microsoft.AspNetCore.Builder;
using Civic.Hosting.Storage;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Civic.Hosting.Tests.Jobs;

/// <summary>The service's own dashboard: a valid bearer token with the admin role, and read-only.</summary>
public sealed class JobsDashboardTests : IAsyncLifetime
{
    private readonly string _signingKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    [Fact]
    public async Task Get_NoToken_Unauthorized()
    {
        using var response = await _client.GetAsync(JobsDashboard.PathFor("panel"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData(CivicRoles.Citizen)]
    [InlineData(CivicRoles.Staff)]
    [InlineData(CivicRoles.Coordinator)]
    public async Task Get_NotAnAdministrator_Forbidden(string role)
    {
        using var response = await _client.SendAsync(Request(HttpMethod.Get, JobsDashboard.PathFor("panel"), role), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/recurring")]
    [InlineData("/servers")]
    public async Task Get_Administrator_ServesTheDashboard(string page)
    {
        using var response = await _client.SendAsync(Request(HttpMethod.Get, JobsDashboard.PathFor("panel") + page, CivicRoles.Admin), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Civic panel: jobs", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_CommandAsAdministrator_RefusedBecauseReadOnly()
    {
        var request = Request(HttpMethod.Post, JobsDashboard.PathFor("panel") + "/recurring/trigger", CivicRoles.Admin);
        request.Content = new FormUrlEncodedContent([new("jobs[]", "any")]);

        using var response = await _client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.False(response.IsSuccessStatusCode, $"A read-only dashboard must refuse commands; got {(int)response.StatusCode}.");
    }

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Auth:SigningKey"] = _signingKey });
        builder.AddCivicJobs("panel");
        builder.Services.AddCivicStorage("panel");
        builder.Services.AddCivicAuthentication(builder.Environment);
        _app = builder.Build();
        _app.UseCivicJobsDashboard();
        await _app.StartAsync(TestContext.Current.CancellationToken);
        _client = _app.GetTestClient();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    private HttpRequestMessage Request(HttpMethod method, string path, string role)
    {
        var issuer = new DevelopmentTokenIssuer(Options.Create(new AuthOptions { SigningKey = _signingKey }), TimeProvider.System);
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", issuer.Issue(new DevelopmentIdentity($"test-{role}", $"Test {role}", role, null)));
        return request;
    }
}
