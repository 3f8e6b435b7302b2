using Civic.Gateway.Ui.Localization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Civic.Gateway.Pages;

/// <summary>
/// The page shown for an error status (re-executed by the status code pages middleware, also for
/// unhandled exceptions, see UiErrorsMiddleware). Visited directly, it answers with the status it describes.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class StatusPageModel : PageModel
{
    public LocalText Title { get; private set; } = StatusText.ErrorTitle;

    public LocalText Message { get; private set; } = StatusText.Error;

    public void OnGet(int code) => Show(code);

    // A failed form post (e.g. a stale anti-forgery token) is re-executed as a POST.
    public void OnPost(int code) => Show(code);

    private void Show(int code)
    {
        (Title, Message) = code switch
        {
            StatusCodes.Status400BadRequest => (StatusText.BadRequestTitle, StatusText.BadRequest),
            StatusCodes.Status403Forbidden => (StatusText.ForbiddenTitle, StatusText.Forbidden),
            StatusCodes.Status404NotFound or StatusCodes.Status405MethodNotAllowed => (StatusText.NotFoundTitle, StatusText.NotFound),
            StatusCodes.Status429TooManyRequests => (StatusText.TooManyRequestsTitle, StatusText.TooManyRequests),
            _ => (StatusText.ErrorTitle, StatusText.Error),
        };
        if (HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is null)
        {
            Response.StatusCode = code is >= 400 and <= 599 ? code : StatusCodes.Status404NotFound;
        }
    }
}
