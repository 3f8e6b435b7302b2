using Civic.Gateway.Ui.Access;
using Civic.Gateway.Ui.Navigation;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Civic.Gateway.Pages.Hotline;

/// <summary>A director's daily call list; it says what it will hold until booking exists.</summary>
[RoleAreaPage(RoleAreaId.CallList)]
public sealed class CallListModel : PageModel
{
    public void OnGet()
    {
    }
}
