using System.Security.Claims;
using Civic.Defaults.Auth;
using Civic.Defaults.Services;
using Civic.Gateway.Jobs;
using Civic.Gateway.Proxy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Transforms.Builder;

namespace Civic.Gateway.Tests.Proxy;

/// <summary>
/// What the gateway's own routes add to a proxied request: no X-Forwarded-* to the services' gRPC and JSON API (nothing
/// there reads them; they cost time per call), but still to the jobs dashboards.
/// </summary>
public sealed class ForwardedHeadersToServicesTests
{
    private static readonly IReadOnlyList<RouteConfig> Routes =
        ServiceProxyConfig.Routes(CivicServices.All, TimeSpan.FromSeconds(30));

    [Theory]
    [InlineData("hotline-grpc")]
    [InlineData("panel-api")]
    public async Task ServiceRoute_NoForwardedHeaders(string routeId)
    {
        var headers = await ProxiedHeadersAsync(Routes.Single(r => r.RouteId == routeId));

        Assert.DoesNotContain(headers, name => name.StartsWith("X-Forwarded", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task JobsDashboardRoute_ForwardedForAndProto()
    {
        var headers = await ProxiedHeadersAsync(Routes.Single(r => r.RouteId == "network-jobs"));

        Assert.Contains("X-Forwarded-For", headers, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("X-Forwarded-Proto", headers, StringComparer.OrdinalIgnoreCase);
    }

    private static async Task<IReadOnlyList<string>> ProxiedHeadersAsync(RouteConfig route)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddGrpcProxy(new ConfigurationBuilder().Build());
        services.AddJobsDashboardProxy();
        await using var provider = services.BuildServiceProvider();
        var transformer = provider.GetRequiredService<ITransformBuilder>().Build(route, cluster: null);
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("gateway.test");
        context.Request.Path = "/civic.hotline.v1.DepartmentService/ListDepartments";
        context.Connection.RemoteIpAddress = System.Net.IPAddress.Parse("203.0.113.7");
        // The dashboards' own transform lets administrators through only.
        context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, CivicRoles.Admin)], "test"));
        using var proxyRequest = new HttpRequestMessage();

        await transformer.TransformRequestAsync(context, proxyRequest, "http://service.test", TestContext.Current.CancellationToken);

        return proxyRequest.Headers.Select(h => h.Key).ToList();
    }
}
