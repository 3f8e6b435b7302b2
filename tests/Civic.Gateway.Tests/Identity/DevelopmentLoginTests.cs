using System.Net;
using Civic.Gateway.Identity;
using Civic.Gateway.Tests.Infrastructure;
using Civic.Defaults.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Civic.Gateway.Tests.Identity;

[Collection(ClusterCollection.Name)]
public sealed class DevelopmentLoginTests(CivicCluster cluster)
{
    [Fact]
    public void Start_ProductionWithDevelopmentLogin_RefusesWithAClearMessage()
    {
        var exception = Assert.ThrowsAny<Exception>(() => cluster.StartGateway(environment: "Production"));

        var message = Flatten(exception);
        Assert.Contains("development login must not run in the Production environment", message, StringComparison.Ordinal);
        Assert.Contains("oauth2-proxy", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Staging")]
    [InlineData("Borgerpilot")]
    public void Start_OtherEnvironmentWithDevelopmentLogin_Refused(string environment)
    {
        var exception = Assert.ThrowsAny<Exception>(() => cluster.StartGateway(environment: environment));

        Assert.Contains($"development login must not run in the {environment} environment", Flatten(exception), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    [InlineData("Borgerpilot")]
    public void Start_OtherEnvironmentWithTheDevelopmentKey_Refused(string environment)
    {
        var exception = Assert.ThrowsAny<Exception>(() =>
            cluster.StartGateway(new Dictionary<string, string?> { [DevelopmentLogin.EnabledSetting] = "false" }, environment: environment));

        Assert.Contains("Auth:SigningKey is the development signing key and is refused outside the Development and Testing environments",
            Flatten(exception), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Development")]
    [InlineData(DevelopmentEnvironments.Testing)]
    public void Allow_DevelopmentAndTestingOnly(string environment)
    {
        Assert.True(DevelopmentEnvironments.Allow(environment));
        Assert.True(DevelopmentEnvironments.Allow(environment.ToUpperInvariant()));
        Assert.False(DevelopmentEnvironments.Allow(environment + "-2"));
    }

    [Fact]
    public async Task Start_ProductionWithAnIssuer_NoDevelopmentLogin()
    {
        await using var gateway = cluster.StartGateway(new Dictionary<string, string?>
        {
            [DevelopmentLogin.EnabledSetting] = null,
            ["Auth:SigningKey"] = null,
            ["Auth:Authority"] = "https://login.example.test/realms/civic",
        }, environment: "Production");

        Assert.Null(gateway.Services.GetService<DevelopmentLogin>());
    }

    [Fact]
    public void Start_DevelopmentLoginWithoutKey_RefusesNamingTheSetting()
    {
        var exception = Assert.ThrowsAny<Exception>(() =>
            cluster.StartGateway(new Dictionary<string, string?> { ["Auth:SigningKey"] = null }));

        Assert.Contains("Auth:SigningKey", Flatten(exception), StringComparison.Ordinal);
    }

    [Fact]
    public void Users_OnePerRoleWithDepartmentsOnStaffRoles()
    {
        var login = cluster.Gateway.Services.GetRequiredService<DevelopmentLogin>();

        Assert.Equal(CivicRoles.All, login.Users.Select(u => u.Role));
        Assert.All(login.Users, u => Assert.False(string.IsNullOrWhiteSpace(u.DisplayName)));
        Assert.Equal(login.Users.Count, login.Users.Select(u => u.Id).Distinct().Count());
        Assert.All(login.Users.Where(u => u.Role is CivicRoles.Staff or CivicRoles.Director), u => Assert.NotNull(u.Department));
        Assert.Throws<ArgumentException>(() => login.IssueToken("nobody"));
    }

    [Fact]
    public async Task IssueToken_DemoAdmin_ServicesAcceptIt()
    {
        var login = cluster.Gateway.Services.GetRequiredService<DevelopmentLogin>();
        var admin = login.Users.Single(u => u.Role == CivicRoles.Admin);

        using var response = await cluster.Api.SendAsync(CivicCluster.Request(HttpMethod.Post, "/api/v1/hotline/departments", login.IssueToken(admin.Id),
            $$"""{"code":"demo-{{Guid.NewGuid().ToString("N")[..8]}}","name":{"da":"Demo","en":"Demo"},"directorName":"Demo"}"""), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("http", false)]
    [InlineData("https", true)]
    public void SignIn_DemoUser_HttpOnlyStrictCookieSecureOnHttps(string scheme, bool secure)
    {
        var signIn = cluster.Gateway.Services.GetRequiredService<DevelopmentSignIn>();
        var context = new DefaultHttpContext();
        context.Request.Scheme = scheme;

        var user = signIn.SignIn(context, "demo-medarbejder");

        var cookie = context.Response.Headers.SetCookie.Single()!;
        Assert.Equal(CivicRoles.Staff, user.Role);
        Assert.StartsWith($"{AccessTokenCookie.Name}=", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(secure, cookie.Contains("secure", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void SignOut_SignedIn_CookieDeleted()
    {
        var context = new DefaultHttpContext();

        DevelopmentSignIn.SignOut(context);

        var cookie = context.Response.Headers.SetCookie.Single()!;
        Assert.StartsWith($"{AccessTokenCookie.Name}=;", cookie, StringComparison.Ordinal);
        Assert.Contains("expires=Thu, 01 Jan 1970", cookie, StringComparison.OrdinalIgnoreCase);
    }

    private static string Flatten(Exception exception)
    {
        var messages = new List<string>();
        for (var current = exception; current is not null; current = current.InnerException)
        {
            messages.Add(current.Message);
            if (current is AggregateException aggregate)
            {
                messages.AddRange(aggregate.InnerExceptions.Select(e => e.Message));
            }
        }

        return string.Join(" | ", messages);
    }
}
