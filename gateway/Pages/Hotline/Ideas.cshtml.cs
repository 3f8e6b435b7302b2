using Civic.Contracts.Common.V1;
using Civic.Contracts.Hotline.V1;
using Civic.Gateway.Ui.Data;
using Civic.Gateway.Ui.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Civic.Gateway.Pages.Hotline;

/// <summary>
/// The public idea board: ideas from the calls and their status, without personal data. A director (or deputy) also
/// sees which of their department's ideas have waited 30 days without feedback, an administrator every department's
/// (flagged by the Hotline's daily job; the service sends a flag only to those who may see it).
/// </summary>
public sealed class IdeasModel(PageServiceCalls calls, IdeaService.IdeaServiceClient ideas, DepartmentLookup departments) : PageModel
{
    private const int PageSize = 100;

    /// <summary>The newest ideas; null when the Hotline service could not be reached.</summary>
    public IReadOnlyList<Idea>? Ideas { get; private set; }

    public Func<string, string> DepartmentName { get; private set; } = id => id;

    public async Task OnGetAsync()
    {
        var request = new ListIdeasRequest { Page = new PageRequest { PageSize = PageSize } };
        Ideas = (await calls.CallAsync(HttpContext, nameof(ideas.ListIdeas), options => ideas.ListIdeasAsync(request, options)))?.Ideas;
        var names = (await departments.ListAsync(HttpContext) ?? []).ToDictionary(d => d.Id, d => ContractTexts.Pick(d.Name), StringComparer.Ordinal);
        DepartmentName = id => names.TryGetValue(id, out var name) ? name : string.Empty;
    }
}
