using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Civic.Gateway.Network;

/// <summary>
/// Toolbox Markdown to HTML that cannot run anything: raw HTML in the text is written out as text,
/// links go only to http(s), mailto or paths on this site, and a level-1 heading becomes h2, below the page's own h1.
/// </summary>
public static class SafeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    public static string ToHtml(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!IsSafe(link.Url))
            {
                link.Url = "#";
            }
        }

        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            heading.Level = Math.Max(2, heading.Level);
        }

        return document.ToHtml(Pipeline);
    }

    private static bool IsSafe(string? url) =>
        url is null
        || (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal))
        || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
        || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        || url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)
        || url.StartsWith('#');
}
