using Civic.Contracts.Common.V1;
using Civic.Contracts.Panel.V1;
using Civic.Gateway.Ui.Access;
using Civic.Gateway.Ui.Data;
using Civic.Gateway.Ui.Navigation;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Civic.Gateway.Pages.Panel;

/// <summary>The panel cases the signed-in employee may see (the Panel service decides which), newest first.</summary>
[RoleAreaPage(RoleAreaId.PanelCases)]
public sealed class CasesModel(PageServiceCalls calls, CaseService.CaseServiceClient panel, DepartmentLookup departments) : PageModel
{
    private const int PageSize = 100;

    /// <summary>The newest cases; null when the Panel service could not be reached or refused.</summary>
    public IReadOnlyList<Case>? Cases { get; private set; }

    /// <summary>A department's name for its code.</summary>
    public Func<string, string> DepartmentName { get; private set; } = code => code;

    public async Task OnGetAsync()
    {
        var request = new ListCasesRequest { Page = new PageRequest { PageSize = PageSize } };
        var response = await calls.CallAsync(HttpContext, nameof(panel.ListCases), options => panel.ListCasesAsync(request, options));
        Cases = response?.Cases;
        if (Cases is { Count: > 0 })
        {
            DepartmentName = await departments.NamesAsync(HttpContext);
        }
    }
}
