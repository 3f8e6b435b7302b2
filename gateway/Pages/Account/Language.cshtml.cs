using Civic.Gateway.Ui;
using Civic.Gateway.Ui.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Civic.Gateway.Pages.Account;

/// <summary>The language switch in the header: a form post that stores the choice in the culture cookie and goes back.</summary>
public sealed class LanguageModel : PageModel
{
    public IActionResult OnGet() => LocalRedirect(UiPaths.FrontPage);

    public IActionResult OnPost(string? lang, string? returnUrl)
    {
        if (UiCultures.FromLanguageTag(lang) is { } culture)
        {
            UiCultures.Remember(Response, culture);
        }

        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : UiPaths.FrontPage);
    }
}
