using Civic.Gateway.Network;

namespace Civic.Gateway.Tests.Network;

/// <summary>Toolbox Markdown renders as HTML that cannot run anything.</summary>
public sealed class SafeMarkdownTests
{
    [Fact]
    public void ToHtml_RawHtml_WrittenAsText()
    {
        var html = SafeMarkdown.ToHtml("Hej <script>alert(1)</script> og <img src=x onerror=alert(1)>");

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[klik](javascript:alert(1))")]
    [InlineData("[klik](JAVASCRIPT:alert(1))")]
    [InlineData("[klik](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("[klik](//evil.example/x)")]
    public void ToHtml_UnsafeLink_PointsNowhere(string markdown)
    {
        Assert.Contains("href=\"#\"", SafeMarkdown.ToHtml(markdown), StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_SafeLinksListsAndHeadings_Kept_HeadingsBelowThePageTitle()
    {
        var html = SafeMarkdown.ToHtml("# Trin\n\n1. **Inviter**\n2. *Mød*\n\n[KL](https://www.kl.dk) [hjem](/ressourcenetvaerket)");

        Assert.Contains("<h2", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<h1", html, StringComparison.Ordinal);
        Assert.Contains("<ol>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>Inviter</strong>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://www.kl.dk\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/ressourcenetvaerket\"", html, StringComparison.Ordinal);
    }
}
