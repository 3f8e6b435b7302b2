using System.Globalization;
using Civic.Contracts.Common.V1;
using Civic.Contracts.Network.V1;
using Civic.Defaults.Auth;
using Civic.Gateway.Network;
using Civic.Gateway.Ui.Access;
using Civic.Gateway.Ui.Data;
using Civic.Gateway.Ui.Localization;
using Civic.Gateway.Ui.Navigation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Civic.Gateway.Pages.Network;

/// <summary>
/// A signed-in employee's requests in one place: requests to them (accept, decline, unavailable),
/// requests waiting for their approval as manager, the requests they made (complete with feedback)
/// and, for coordinators, the queue. Every action is a plain form; the page shows what happened.
/// </summary>
[RoleAreaPage(RoleAreaId.NetworkRequests, RoleAreaId.NetworkPartner)]
public sealed class RequestsModel(PageServiceCalls calls, NetworkFormCalls formCalls, HelpRequestService.HelpRequestServiceClient requests) : PageModel
{
    private static readonly Dictionary<string, LocalText> Messages = new(StringComparer.Ordinal)
    {
        ["oprettet"] = NetworkRequestText.Created,
        ["svaret"] = NetworkRequestText.Responded,
        ["godkendt"] = NetworkRequestText.Approved,
        ["afsluttet"] = NetworkRequestText.Completed,
    };

    [BindProperty(SupportsGet = true, Name = "besked")]
    public string? Message { get; set; }

    public LocalText? Done => Message is not null && Messages.TryGetValue(Message, out var text) ? text : null;

    public string? Error { get; private set; }

    public IReadOnlyList<HelpRequest>? AskedOfMe { get; private set; }

    public IReadOnlyList<HelpRequest>? AwaitingMyApproval { get; private set; }

    public IReadOnlyList<HelpRequest>? RequestedByMe { get; private set; }

    public IReadOnlyList<HelpRequest>? Queue { get; private set; }

    public bool SeesQueue => User.IsInRole(CivicRoles.Coordinator) || User.IsInRole(CivicRoles.Admin);

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostRespondAsync(string id, string answer)
    {
        var response = answer switch
        {
            "accept" => HelpResponse.Accept,
            "decline" => HelpResponse.Decline,
            _ => HelpResponse.Unavailable,
        };
        return await ActAsync("svaret", nameof(requests.RespondToHelpRequest), options => requests.RespondToHelpRequestAsync(new() { Id = id, Response = response }, options));
    }

    public async Task<IActionResult> OnPostApproveAsync(string id, int hours) =>
        await ActAsync("godkendt", nameof(requests.ApproveHelpRequest), options => requests.ApproveHelpRequestAsync(new() { Id = id, Hours = hours }, options));

    public async Task<IActionResult> OnPostCompleteAsync(string id, int rating, string? feedback) =>
        await ActAsync("afsluttet", nameof(requests.CompleteHelpRequest), options => requests.CompleteHelpRequestAsync(new() { Id = id, Rating = rating, Feedback = feedback ?? string.Empty }, options));

    public static LocalText StatusText(HelpRequestStatus status) => status switch
    {
        HelpRequestStatus.Queued => NetworkRequestText.Queued,
        HelpRequestStatus.Proposed => NetworkRequestText.Proposed,
        HelpRequestStatus.Accepted => NetworkRequestText.AcceptedStatus,
        HelpRequestStatus.Approved => NetworkRequestText.ApprovedStatus,
        _ => NetworkRequestText.CompletedStatus,
    };

    public static string Period(HelpRequest request) => request.StartDate.Equals(request.EndDate)
        ? Date(request.StartDate)
        : $"{Date(request.StartDate)} – {Date(request.EndDate)}";

    private static string Date(LocalDate? date) => date is null ? string.Empty
        : new DateOnly(date.Year, date.Month, date.Day).ToString("d. MMMM yyyy", CultureInfo.CurrentCulture);

    private async Task<IActionResult> ActAsync<T>(string done, string rpc, Func<Grpc.Core.CallOptions, Grpc.Core.AsyncUnaryCall<T>> call)
        where T : class
    {
        var result = await formCalls.CallAsync(HttpContext, rpc, call, NetworkRequestText.Unavailable);
        if (result.Response is not null)
        {
            return Redirect($"/ressourcenetvaerket/anmodninger?besked={done}");
        }

        Error = result.Violations.Count > 0 ? string.Join(' ', result.Violations.Select(v => v.Message)) : result.Error;
        Message = null;
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        AskedOfMe = await ListAsync(HelpRequestView.AskedOfMe);
        AwaitingMyApproval = await ListAsync(HelpRequestView.AwaitingMyApproval);
        RequestedByMe = await ListAsync(HelpRequestView.RequestedByMe);
        Queue = SeesQueue ? await ListAsync(HelpRequestView.Queue) : [];
    }

    private async Task<IReadOnlyList<HelpRequest>?> ListAsync(HelpRequestView view)
    {
        var response = await calls.CallAsync(HttpContext, nameof(requests.ListHelpRequests),
            options => requests.ListHelpRequestsAsync(new() { View = view, Page = new PageRequest { PageSize = 100 } }, options));
        return response?.HelpRequests;
    }
}
