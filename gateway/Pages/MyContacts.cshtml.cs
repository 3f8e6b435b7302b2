using Civic.Gateway.Ui.Access;
using Civic.Gateway.Ui.Navigation;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Civic.Gateway.Pages;

/// <summary>Mine kontakter: a citizen's overview; it says what it will hold until the services provide it.</summary>
[RoleAreaPage(RoleAreaId.MyContacts)]
public sealed class MyContactsModel : PageModel
{
    public void OnGet()
    {
    }
}
