using Civic.Gateway.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Civic.Gateway.BrowserTests;

/// <summary>Security headers, anti-forgery, the role areas' doors, and the UI without JavaScript.</summary>
public sealed class SecurityTests(CivicStack stack)
{
    [Fact]
    public async Task AnyPage_Response_CarriesTheSecurityHeaders()
    {
        await using var session = await stack.OpenAsync();
        var response = await session.GotoAsync("/");
        var headers = await response.AllHeadersAsync();

        var csp = headers["content-security-policy"];
        Assert.Contains("script-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("form-action 'self'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", headers["x-content-type-options"]);
        Assert.Equal("DENY", headers["x-frame-options"]);
        Assert.Equal("same-origin", headers["referrer-policy"]);
        Assert.Contains("camera=()", headers["permissions-policy"], StringComparison.Ordinal);
        // Plain HTTP here: HSTS is sent only over TLS, where it means something.
        Assert.False(headers.ContainsKey("strict-transport-security"));
        Assert.DoesNotContain("server", headers.Keys);
    }

    [Fact]
    public async Task Form_PostedWithoutAntiforgeryToken_IsRejectedWith400()
    {
        await using var session = await stack.OpenAsync();
        await session.GotoAsync("/");

        var response = await session.Context.APIRequest.PostAsync("/log-ind", new APIRequestContextOptions
        {
            Form = session.Context.APIRequest.CreateFormData().Append("UserId", "demo-admin"),
            MaxRedirects = 0,
        });

        Assert.Equal(400, response.Status);
        Assert.DoesNotContain(await session.Context.CookiesAsync(), cookie => cookie.Name == "civic.token");
    }

    [Fact]
    public async Task RoleArea_Anonymous_GoesToLoginAndBackAfterwards()
    {
        await using var session = await stack.OpenAsync();
        await session.GotoAsync("/administration");

        await session.ExpectPathAsync("/log-ind?returnUrl=%2Fadministration");
        await session.Page.Locator("li[data-role='admin'] button").ClickAsync();
        await session.ExpectPathAsync("/administration");
        Assert.Equal("Administration", await session.Page.Locator("h1").InnerTextAsync());
    }

    [Fact]
    public async Task LogIn_ReturnUrlToAnotherSite_LandsOnTheFrontPage()
    {
        await using var session = await stack.OpenAsync();
        await session.GotoAsync("/log-ind?returnUrl=%2F%2Fexample.org%2F");

        await session.Page.Locator("li[data-role='citizen'] button").ClickAsync();
        await session.ExpectPathAsync("/");
    }

    [Fact]
    public async Task LogInAndOut_WithJavaScriptOff_Works()
    {
        await using var session = await stack.OpenAsync(javaScriptEnabled: false);
        await session.GotoAsync("/log-ind");

        await session.Page.Locator("li[data-role='director'] button").ClickAsync();
        await session.ExpectPathAsync("/");
        Assert.Equal("Logget ind som Anne Mortensen (direktør)", await session.Page.Locator(".signed-in").InnerTextAsync());
        await session.Page.GetByRole(AriaRole.Link, new() { Name = "Min opkaldsliste" }).ClickAsync();
        await session.ExpectPathAsync("/direktoerlinjen/opkaldsliste");
        Assert.Equal("Min opkaldsliste", await session.Page.Locator("h1").InnerTextAsync());

        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Log ud" }).ClickAsync();
        await session.ExpectPathAsync("/");
        Assert.Equal("Log ind", await session.Page.Locator(".log-on").InnerTextAsync());
    }
}
