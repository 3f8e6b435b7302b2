using Civic.Contracts.Common.V1;
using Civic.Contracts.Network.V1;
using Civic.Gateway.Ui.Data;
using Civic.Gateway.Ui.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Civic.Gateway.Pages.Network;

/// <summary>The toolbox, open to everyone: the service shows employees the internal articles too. Search words go in the address (they name methods, not people).</summary>
public sealed class ToolboxModel(PageServiceCalls calls, ToolboxService.ToolboxServiceClient toolbox) : PageModel
{
    public const string QueryFieldId = "q";
    private const int MaxQueryLength = 100;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "emne")]
    public string? Tag { get; set; }

    public IReadOnlyList<Article>? Articles { get; private set; }

    public int Total { get; private set; }

    public TextField QueryField => new(QueryFieldId, "q", ToolboxText.QueryLabel.Current, ToolboxText.QueryHint.Current, Query, null);

    public async Task OnGetAsync()
    {
        var query = Query?.Trim() ?? string.Empty;
        var request = new ListArticlesRequest { Query = query.Length > MaxQueryLength ? query[..MaxQueryLength] : query, Tag = Tag ?? string.Empty, Page = new PageRequest { PageSize = 100 } };
        var response = await calls.CallAsync(HttpContext, nameof(toolbox.ListArticles), options => toolbox.ListArticlesAsync(request, options));
        Articles = response?.Articles;
        Total = response?.Page.TotalSize ?? 0;
    }
}
