using Civic.Contracts.Common.V1;
using Civic.Contracts.Panel.V1;
using Civic.Gateway.Ui.Access;
using Civic.Gateway.Ui.Data;
using Civic.Gateway.Ui.Navigation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Civic.Gateway.Pages.Panel;

/// <summary>The Panel's audit log for administrators, newest first, optionally about one member or case.</summary>
[RoleAreaPage(RoleAreaId.Administration)]
public sealed class AuditLogModel(PageServiceCalls calls, AuditService.AuditServiceClient audit) : PageModel
{
    private const int PageSize = 200;

    [BindProperty(SupportsGet = true, Name = "om")]
    public string? Subject { get; set; }

    public ListAuditEntriesResponse? Entries { get; private set; }

    public async Task OnGetAsync()
    {
        var request = new ListAuditEntriesRequest { SubjectId = Subject?.Trim() ?? string.Empty, Page = new PageRequest { PageSize = PageSize } };
        Entries = await calls.CallAsync(HttpContext, nameof(audit.ListAuditEntries), options => audit.ListAuditEntriesAsync(request, options));
    }
}
