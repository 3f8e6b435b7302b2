using Civic.Contracts.Hotline.V1;
using Civic.Gateway.Ui.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Civic.Gateway.Pages.Hotline;

/// <summary>Direktørlinjen: how it works, and the departments and directors (public: citizens choose whom to call without signing in).</summary>
public sealed class HotlineModel(DepartmentLookup departments) : PageModel
{
    /// <summary>The departments by name; null when the Hotline service could not be reached.</summary>
    public IReadOnlyList<Department>? Departments { get; private set; }

    public async Task OnGetAsync() => Departments = await departments.ListAsync(HttpContext);
}
