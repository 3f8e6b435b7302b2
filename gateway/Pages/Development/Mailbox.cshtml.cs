using Civic.Contracts.Common.V1;
using Civic.Gateway.Ui.Data;
using Civic.Gateway.Ui.Localization;
using Google.Protobuf;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using HotlineMailbox = Civic.Contracts.Hotline.V1.DevelopmentMailboxService.DevelopmentMailboxServiceClient;
using NetworkMailbox = Civic.Contracts.Network.V1.DevelopmentMailboxService.DevelopmentMailboxServiceClient;
using PanelMailbox = Civic.Contracts.Panel.V1.DevelopmentMailboxService.DevelopmentMailboxServiceClient;

namespace Civic.Gateway.Pages.Development;

/// <summary>
/// On one machine (Development only): what the services would have sent, from every service's outbox, newest
/// first. Elsewhere the page does not exist.
/// </summary>
public sealed class MailboxModel(
    PageServiceCalls calls, HotlineMailbox hotline, PanelMailbox panel, NetworkMailbox network, IWebHostEnvironment environment) : PageModel
{
    /// <summary>One message and the service that would have sent it.</summary>
    public sealed record Entry(LocalText Service, MailboxMessage Message);

    public IReadOnlyList<Entry> Messages { get; private set; } = [];

    /// <summary>The services that could not be reached.</summary>
    public IReadOnlyList<LocalText> Unavailable { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!environment.IsDevelopment())
        {
            return NotFound();
        }

        var request = new ListMailboxRequest();
        var hotlineCall = calls.CallAsync(HttpContext, "hotline.ListMailbox", options => hotline.ListMailboxAsync(new() { MaxMessages = request.MaxMessages }, options));
        var panelCall = calls.CallAsync(HttpContext, "panel.ListMailbox", options => panel.ListMailboxAsync(request, options));
        var networkCall = calls.CallAsync(HttpContext, "network.ListMailbox", options => network.ListMailboxAsync(request, options));
        // The Hotline's mailbox messages are field for field the shared ones: read its answer as one.
        var hotlineAnswer = await hotlineCall is { } answer ? ListMailboxResponse.Parser.ParseFrom(answer.ToByteString()) : null;
        (LocalText Service, ListMailboxResponse? Answer)[] answers =
            [(DevelopmentText.Hotline, hotlineAnswer), (DevelopmentText.Panel, await panelCall), (DevelopmentText.Network, await networkCall)];
        Messages = answers
            .SelectMany(a => a.Answer?.Messages.Select(m => new Entry(a.Service, m)) ?? [])
            .OrderByDescending(e => e.Message.CreatedAt).ThenByDescending(e => e.Message.Id, StringComparer.Ordinal)
            .ToList();
        Unavailable = answers.Where(a => a.Answer is null).Select(a => a.Service).ToList();
        return Page();
    }
}
