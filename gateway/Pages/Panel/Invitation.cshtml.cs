using Civic.Contracts.Panel.V1;
using Civic.Gateway.Pages.Hotline;
using Civic.Gateway.Ui.Data;
using Civic.Gateway.Ui.Forms;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Civic.Gateway.Pages.Panel;

/// <summary>
/// The invited member's page, reached through the invitation link without logging in: answer the
/// invitation, accept the confidentiality terms, then the case material. The link's token is the only
/// key; the Panel service checks it against the hash it keeps.
/// </summary>
public sealed class InvitationModel(PanelMemberService.PanelMemberServiceClient members, DepartmentLookup departments, TimeProvider timeProvider) : PageModel
{
    public const string GeneralFieldId = "invitation-actions";

    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true, Name = "noegle")]
    public string? Token { get; set; }

    public FormErrors Errors { get; } = new();

    public GetMemberViewResponse? View { get; private set; }

    /// <summary>Why the invitation cannot be shown (a wrong link), or null.</summary>
    public string? Problem { get; private set; }

    public string DepartmentName { get; private set; } = string.Empty;

    public static string LinkTo(string invitationId, string token) =>
        $"/borgerpanelet/invitation/{Uri.EscapeDataString(invitationId)}?noegle={Uri.EscapeDataString(token)}";

    public async Task OnGetAsync() => await LoadAsync();

    public Task<IActionResult> OnPostAcceptAsync() => ChangeAsync(options => members.RespondToInvitationAsync(Respond(true), options).ResponseAsync);

    public Task<IActionResult> OnPostDeclineAsync() => ChangeAsync(options => members.RespondToInvitationAsync(Respond(false), options).ResponseAsync);

    public Task<IActionResult> OnPostTermsAsync([FromForm] string? termsVersion) =>
        ChangeAsync(options => members.AcceptConfidentialityAsync(new AcceptConfidentialityRequest { InvitationId = Id, Token = Token ?? string.Empty, TermsVersion = termsVersion ?? string.Empty }, options).ResponseAsync);

    public Task<IActionResult> OnPostContributionAsync([FromForm] string? sessionId, [FromForm] string? text) =>
        ChangeAsync(options => members.AddContributionAsync(
            new AddContributionRequest { InvitationId = Id, Token = Token ?? string.Empty, SessionId = sessionId ?? string.Empty, Text = text ?? string.Empty }, options).ResponseAsync,
            $"contribution-{sessionId}");

    public Task<IActionResult> OnPostCommentAsync([FromForm] string? text) =>
        ChangeAsync(options => members.CommentOnSynthesisAsync(
            new CommentOnSynthesisRequest { InvitationId = Id, Token = Token ?? string.Empty, Text = text ?? string.Empty }, options).ResponseAsync,
            CommentFieldId);

    public const string CommentFieldId = "synthesis-comment";

    private RespondToInvitationRequest Respond(bool accept) => new() { InvitationId = Id, Token = Token ?? string.Empty, Accept = accept };

    private async Task<IActionResult> ChangeAsync<T>(Func<CallOptions, Task<T>> call, string fieldId = GeneralFieldId)
    {
        try
        {
            await call(Options());
            return Redirect(LinkTo(Id, Token ?? string.Empty));
        }
        catch (RpcException exception) when (RpcFormErrors.IsRefusal(exception) || exception.StatusCode == Grpc.Core.StatusCode.PermissionDenied)
        {
            // The refusal belongs to the form that was sent, whichever field the service named.
            var errors = new FormErrors();
            RpcFormErrors.AddTo(errors, exception, new Dictionary<string, string>(), fieldId);
            foreach (var error in errors.All)
            {
                Errors.Add(fieldId, error.Message);
            }
        }
        catch (RpcException)
        {
            Errors.Add(GeneralFieldId, MemberText.Unavailable.Current);
        }

        await LoadAsync();
        return Page();
    }

    private CallOptions Options() => new(deadline: timeProvider.GetUtcNow().UtcDateTime + PageServiceCalls.Timeout, cancellationToken: HttpContext.RequestAborted);

    private async Task LoadAsync()
    {
        try
        {
            View = await members.GetMemberViewAsync(new GetMemberViewRequest { InvitationId = Id, Token = Token ?? string.Empty }, Options());
        }
        catch (RpcException exception) when (RpcFormErrors.IsRefusal(exception))
        {
            var errors = new FormErrors();
            RpcFormErrors.AddTo(errors, exception, new Dictionary<string, string>(), GeneralFieldId);
            Problem = errors.All[0].Message;
            return;
        }
        catch (RpcException)
        {
            Problem = MemberText.Unavailable.Current;
            return;
        }

        DepartmentName = (await departments.NamesAsync(HttpContext))(View.OwningDepartment);
    }
}
