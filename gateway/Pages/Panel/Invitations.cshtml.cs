using System.Globalization;
using Civic.Contracts.Panel.V1;
using Civic.Gateway.Pages.Hotline;
using Civic.Gateway.Ui.Access;
using Civic.Gateway.Ui.Data;
using Civic.Gateway.Ui.Forms;
using Civic.Gateway.Ui.Navigation;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Civic.Gateway.Pages.Panel;

/// <summary>A case's invitations for coordinators: send them for the latest draw, and see the state of every one.</summary>
[RoleAreaPage(RoleAreaId.PanelCases)]
public sealed class InvitationsModel(
    PageServiceCalls calls, CaseService.CaseServiceClient cases, ConveningService.ConveningServiceClient convening,
    InvitationService.InvitationServiceClient invitations, TimeProvider timeProvider) : PageModel
{
    public const string FormFieldId = "response-days";

    public Case? Case { get; private set; }

    public Draw? LatestDraw { get; private set; }

    public IReadOnlyList<Invitation>? Invitations { get; private set; }

    public FormErrors Errors { get; } = new();

    [BindProperty]
    public string ResponseDays { get; set; } = "7";

    public TextField ResponseDaysField => new(FormFieldId, nameof(ResponseDays), InvitationsText.ResponseDays.Current, InvitationsText.ResponseDaysHint.Current, ResponseDays, Errors.For(FormFieldId));

    /// <summary>The refresh script runs only where there is an overview to refresh (not over the send form, whose input it would wipe).</summary>
    public bool RefreshesItself => Invitations is { Count: > 0 };

    public async Task<IActionResult> OnGetAsync(string id)
    {
        await LoadAsync(id);
        if (RefreshesItself)
        {
            PageScripts.AllowOwnScripts(Response);
        }

        return Case is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        await LoadAsync(id);
        if (Case is null)
        {
            return NotFound();
        }

        if (!int.TryParse(ResponseDays, NumberStyles.None, CultureInfo.InvariantCulture, out var days))
        {
            Errors.Add(FormFieldId, InvitationsText.BadResponseDays.Current);
            return Page();
        }

        try
        {
            var request = new SendInvitationsRequest
            {
                DrawId = LatestDraw?.Id ?? string.Empty,
                ResponseDeadline = Timestamp.FromDateTimeOffset(timeProvider.GetUtcNow().AddDays(days)),
            };
            await invitations.SendInvitationsAsync(request, new CallOptions(deadline: timeProvider.GetUtcNow().UtcDateTime + PageServiceCalls.Timeout, cancellationToken: HttpContext.RequestAborted));
            return RedirectToPage(new { id });
        }
        catch (RpcException exception) when (RpcFormErrors.IsRefusal(exception))
        {
            RpcFormErrors.AddTo(Errors, exception, new Dictionary<string, string> { ["response_deadline"] = FormFieldId }, FormFieldId);
            return Page();
        }
    }

    private async Task LoadAsync(string id)
    {
        Case = (await calls.CallAsync(HttpContext, nameof(cases.GetCase), options => cases.GetCaseAsync(new GetCaseRequest { Id = id }, options)))?.Case;
        if (Case is not null)
        {
            LatestDraw = (await calls.CallAsync(HttpContext, nameof(convening.ListDraws), options => convening.ListDrawsAsync(new ListDrawsRequest { CaseId = id }, options)))?.Draws.FirstOrDefault();
            Invitations = (await calls.CallAsync(HttpContext, nameof(invitations.ListInvitations), options => invitations.ListInvitationsAsync(new ListInvitationsRequest { CaseId = id }, options)))?.Invitations;
        }
    }
}
