using System.Text;
using Civic.Contracts.Panel.V1;
using Civic.Gateway.Pages.Hotline;
using Civic.Gateway.Ui.Data;
using Civic.Gateway.Ui.Forms;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Civic.Gateway.Pages.Panel;

/// <summary>
/// A member's own page, opened with the member link (no account): their data, consent and panels, and forms
/// to download everything as JSON, renew consent and withdraw. The Panel service checks the link's token on
/// every call and logs every read.
/// </summary>
public sealed class MemberModel(MembershipService.MembershipServiceClient membership, TimeProvider timeProvider) : PageModel
{
    public const string Confirmed = "bekraeftet";
    public const string Renewed = "fornyet";
    public const string GeneralFieldId = "member-actions";

    [BindProperty(SupportsGet = true)]
    public string MemberId { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true, Name = "noegle")]
    public string? Token { get; set; }

    [BindProperty(SupportsGet = true, Name = "besked")]
    public string? Notice { get; set; }

    [BindProperty]
    public bool ConfirmWithdrawal { get; set; }

    [BindProperty]
    public bool RenewConsent { get; set; }

    public GetMyMembershipResponse? Membership { get; private set; }

    /// <summary>Why the page cannot be shown (a wrong or expired link), or null.</summary>
    public string? Problem { get; private set; }

    public FormErrors Errors { get; } = new();

    public static string LinkTo(string memberId, string token, string? notice = null) =>
        $"/borgerpanelet/medlem/{Uri.EscapeDataString(memberId)}?noegle={Uri.EscapeDataString(token)}" + (notice is null ? string.Empty : $"&besked={notice}");

    private MemberCredentials Credentials => new() { MemberId = MemberId, Token = Token ?? string.Empty };

    private CallOptions Options => new(deadline: timeProvider.GetUtcNow().UtcDateTime + PageServiceCalls.Timeout, cancellationToken: HttpContext.RequestAborted);

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostExportAsync()
    {
        var export = await TryAsync(() => membership.ExportMyDataAsync(new ExportMyDataRequest { Credentials = Credentials }, Options).ResponseAsync);
        if (export is not null)
        {
            return File(Encoding.UTF8.GetBytes(export.Json), "application/json", $"borgerpanelet-mine-oplysninger-{export.ExportedAt.ToDateTimeOffset():yyyy-MM-dd}.json");
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRenewAsync()
    {
        var renewed = await TryAsync(() => membership.RenewConsentAsync(new RenewConsentRequest
        {
            Credentials = Credentials,
            Consent = new ConsentGiven { Accepted = RenewConsent, TextVersion = Request.Form["ConsentVersion"].ToString() },
        }, Options).ResponseAsync);
        if (renewed is not null)
        {
            return Redirect(LinkTo(MemberId, renewed.MemberToken, Renewed));
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostWithdrawAsync()
    {
        var withdrawn = await TryAsync(() => membership.WithdrawMembershipAsync(new WithdrawMembershipRequest { Credentials = Credentials, Confirm = ConfirmWithdrawal }, Options).ResponseAsync);
        if (withdrawn is not null)
        {
            return RedirectToPage("Withdrawn");
        }

        await LoadAsync();
        return Page();
    }

    private async Task<T?> TryAsync<T>(Func<Task<T>> call)
        where T : class
    {
        try
        {
            return await call();
        }
        catch (RpcException exception) when (RpcFormErrors.IsRefusal(exception))
        {
            RpcFormErrors.AddTo(Errors, exception, new Dictionary<string, string> { ["confirm"] = "confirm-withdrawal", ["consent"] = "renew-consent", ["consent.text_version"] = "renew-consent" }, GeneralFieldId);
        }
        catch (RpcException)
        {
            Errors.Add(GeneralFieldId, PoolText.Unavailable.Current);
        }

        return null;
    }

    private async Task LoadAsync()
    {
        Notice = Notice is Confirmed or Renewed ? Notice : null;
        try
        {
            Membership = await membership.GetMyMembershipAsync(new GetMyMembershipRequest { Credentials = Credentials }, Options);
        }
        catch (RpcException exception) when (RpcFormErrors.IsRefusal(exception))
        {
            var errors = new FormErrors();
            RpcFormErrors.AddTo(errors, exception, new Dictionary<string, string>(), GeneralFieldId);
            Problem = errors.All[0].Message;
        }
        catch (RpcException)
        {
            Problem = PoolText.Unavailable.Current;
        }
    }
}
