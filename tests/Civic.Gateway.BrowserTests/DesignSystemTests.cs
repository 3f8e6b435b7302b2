using System.Text.RegularExpressions;
using Civic.Gateway.BrowserTests.Infrastructure;

namespace Civic.Gateway.BrowserTests;

/// <summary>Det Fælles Designsystem (gateway/wwwroot/lib/dkfds): served by the gateway itself, and everything it refers to with it.</summary>
public sealed partial class DesignSystemTests(CivicStack stack)
{
    private const string Stylesheet = "/lib/dkfds/css/dkfds.min.css";
    private const string SiteStylesheet = "/css/site.css";

    [Fact]
    public async Task Stylesheet_AndAFontItReferences_AreServedWithTheirContentTypes()
    {
        await using var session = await stack.OpenAsync();

        var css = await session.Context.APIRequest.GetAsync(Stylesheet);
        Assert.Equal(200, css.Status);
        Assert.StartsWith("text/css", css.Headers["content-type"], StringComparison.Ordinal);
        var font = ReferencedUrls(Stylesheet, await css.TextAsync()).First(url => url.EndsWith("/IBMPlexSans-Regular.woff2", StringComparison.Ordinal));

        var response = await session.Context.APIRequest.GetAsync(font);
        Assert.Equal(200, response.Status);
        Assert.Equal("font/woff2", response.Headers["content-type"]);
        // A WOFF2 file starts with its signature, "wOF2".
        Assert.Equal("wOF2"u8.ToArray(), (await response.BodyAsync())[..4]);
    }

    [Theory]
    [InlineData(Stylesheet)]
    [InlineData(SiteStylesheet)]
    public async Task Stylesheet_EveryUrlItReferences_IsServed(string stylesheet)
    {
        await using var session = await stack.OpenAsync();
        var css = await (await session.Context.APIRequest.GetAsync(stylesheet)).TextAsync();

        var urls = ReferencedUrls(stylesheet, css);
        Assert.NotEmpty(urls);
        var missing = new List<string>();
        foreach (var url in urls)
        {
            if ((await session.Context.APIRequest.GetAsync(url)).Status != 200)
            {
                missing.Add(url);
            }
        }

        Assert.True(missing.Count == 0, $"The stylesheet refers to files the gateway does not serve: {string.Join(", ", missing)}");
    }

    [Fact]
    public async Task FrontPage_UnderTheContentSecurityPolicy_RendersInDkfdsFont()
    {
        await using var session = await stack.OpenAsync();
        await session.GotoAsync("/");

        var loaded = await session.Page.EvaluateAsync<bool>("async () => { await document.fonts.ready; return document.fonts.check('600 16px \"IBM Plex Sans\"') && [...document.fonts].some(f => f.family.includes('IBM Plex Sans') && f.status === 'loaded'); }");
        Assert.True(loaded, "IBM Plex Sans should load from the gateway under the page's content security policy.");
        Assert.Contains("IBM Plex Sans", await session.Page.EvaluateAsync<string>("() => getComputedStyle(document.body).fontFamily"), StringComparison.Ordinal);
        Assert.Contains(session.RequestedUrls, url => url.EndsWith(".woff2", StringComparison.Ordinal));
        // The older formats the stylesheet also lists (woff, eot, ttf) are for older browsers; site.css makes the regular face offer woff2 first too.
        Assert.DoesNotContain(session.RequestedUrls, url => url.EndsWith(".woff", StringComparison.Ordinal) || url.EndsWith(".eot", StringComparison.Ordinal) || url.EndsWith(".ttf", StringComparison.Ordinal));
        session.AssertNoConsoleErrors();
    }

    /// <summary>The stylesheet's url(...) references, as paths on the gateway (resolved against the stylesheet's folder).</summary>
    private static List<string> ReferencedUrls(string stylesheet, string css)
    {
        var baseUri = new Uri("http://gateway" + stylesheet);
        return [.. CssUrl().Matches(css).Select(match => new Uri(baseUri, match.Groups["url"].Value).AbsolutePath).Distinct()];
    }

    [GeneratedRegex("""url\(\s*["']?(?<url>[^"')]+)["']?\s*\)""")]
    private static partial Regex CssUrl();
}
