using Civic.Gateway.Identity;
using Civic.Gateway.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Civic.Gateway.Pages.Account;

/// <summary>Logging out removes the access-token cookie; the header's button posts here.</summary>
public sealed class LogOutModel : PageModel
{
    public void OnGet()
    {
    }

    public IActionResult OnPost()
    {
        DevelopmentSignIn.SignOut(HttpContext);
        return LocalRedirect(UiPaths.FrontPage);
    }
}
