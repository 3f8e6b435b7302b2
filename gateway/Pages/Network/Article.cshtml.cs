using Civic.Contracts.Network.V1;
using Civic.Gateway.Network;
using Civic.Gateway.Ui.Data;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Civic.Gateway.Pages.Network;

/// <summary>One toolbox article, its Markdown rendered by <see cref="SafeMarkdown"/>; an internal one is "not found" to everyone else.</summary>
public sealed class ArticleModel(PageServiceCalls calls, ToolboxService.ToolboxServiceClient toolbox) : PageModel
{
    public Article? Article { get; private set; }

    public IHtmlContent Body { get; private set; } = HtmlString.Empty;

    public async Task<IActionResult> OnGetAsync(string slug)
    {
        var response = await calls.CallAsync(HttpContext, nameof(toolbox.GetArticle), options => toolbox.GetArticleAsync(new() { Slug = slug }, options));
        if (response is null)
        {
            return NotFound();
        }

        Article = response.Article;
        Body = new HtmlString(SafeMarkdown.ToHtml(Article.BodyMarkdown));
        return Page();
    }
}
