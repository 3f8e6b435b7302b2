using Civic.Gateway.Identity;
using Civic.Gateway.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Civic.Gateway.Pages.Account;

/// <summary>
/// Logging out removes the access-token cookie; the header's button posts here. Behind the login proxy that
/// is not enough: its own cookie and the identity provider's session would sign the user straight back in,
/// so the browser goes on to the configured sign-out (Gateway:Identity:SignOutUrl) when there is one.
/// </summary>
public sealed class LogOutModel(IOptions<GatewayIdentityOptions> options) : PageModel
{
    public void OnGet()
    {
    }

    public IActionResult OnPost()
    {
        DevelopmentSignIn.SignOut(HttpContext);
        // Checked at start-up to be a path on this site or an https URL (GatewayIdentityOptions).
        return options.Value.SignOutUrl is { Length: > 0 } signOut ? Redirect(signOut) : LocalRedirect(UiPaths.FrontPage);
    }
}
