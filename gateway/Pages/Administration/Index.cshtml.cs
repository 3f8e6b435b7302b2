using Civic.Contracts.Hotline.V1;
using Civic.Gateway.Ui.Access;
using Civic.Gateway.Ui.Data;
using Civic.Gateway.Ui.Navigation;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Civic.Gateway.Pages.Administration;

/// <summary>The administrators' area: for now the departments on the Hotline, read-only.</summary>
[RoleAreaPage(RoleAreaId.Administration)]
public sealed class AdministrationModel(DepartmentLookup departments) : PageModel
{
    public IReadOnlyList<Department>? Departments { get; private set; }

    public async Task OnGetAsync() => Departments = await departments.ListAsync(HttpContext);
}
