using Civic.Contracts.Hotline.V1;
using Civic.Gateway.Ui.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Civic.Gateway.Pages.Hotline;

/// <summary>On one machine (Development only): what the Hotline would have sent to citizens. Elsewhere the page does not exist.</summary>
public sealed class MailboxModel(PageServiceCalls calls, DevelopmentMailboxService.DevelopmentMailboxServiceClient mailbox, IWebHostEnvironment environment) : PageModel
{
    /// <summary>The newest messages; null when the Hotline service could not be reached.</summary>
    public IReadOnlyList<MailboxMessage>? Messages { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!environment.IsDevelopment())
        {
            return NotFound();
        }

        Messages = (await calls.CallAsync(HttpContext, nameof(mailbox.ListMailbox), options => mailbox.ListMailboxAsync(new ListMailboxRequest(), options)))?.Messages;
        return Page();
    }
}
